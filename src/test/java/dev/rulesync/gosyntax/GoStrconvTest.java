package dev.rulesync.gosyntax;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Examples; GoStrconvOracleIT compares these functions with Go on many more inputs. */
class GoStrconvTest {

    @Test
    void bytesThatAreNotUtf8SurviveARoundTrip() throws GoSyntaxException {
        String s = GoStrconv.unquote("\"a\\xffb\"");
        assertThat(GoStrconv.isValidUtf8(s)).isFalse();
        assertThat(GoStrconv.quote(s)).isEqualTo("\"a\\xffb\"");
        assertThat(GoStrconv.bytes(s)).containsExactly('a', 0xff, 'b');
        // two raw bytes that together are UTF-8 are that character
        assertThat(GoStrconv.canonical("" + (char) 0xDCC3 + (char) 0xDC80)).isEqualTo("\u00c0");
    }

    @Test
    void prometheusStringsAreNotGoRunes() throws GoSyntaxException {
        assertThat(GoStrconv.unquotePrometheus("'ab'")).isEqualTo("ab");
        assertThatThrownBy(() -> GoStrconv.unquote("'ab'")).hasMessage("invalid syntax");
        assertThat(GoStrconv.unquotePrometheus("`a\rb`")).isEqualTo("a\rb");
        assertThat(GoStrconv.unquote("`a\rb`")).isEqualTo("ab");
    }

    @Test
    void numbersAsGoReadsAndPrintsThem() throws GoSyntaxException {
        assertThat(GoStrconv.parseInt("0x1F", 0)).isEqualTo(31);
        assertThat(GoStrconv.parseInt("017", 0)).isEqualTo(15);
        assertThat(GoStrconv.parseFloat("1_000.5")).isEqualTo(1000.5);
        assertThatThrownBy(() -> GoStrconv.parseFloat("0x1")).hasMessage("strconv.ParseFloat: parsing \"0x1\": invalid syntax");
        assertThatThrownBy(() -> GoStrconv.parseFloat("1e400"))
                .hasMessage("strconv.ParseFloat: parsing \"1e400\": value out of range");
        assertThat(GoStrconv.formatFloatV(1e6)).isEqualTo("1e+06");
        assertThat(GoStrconv.formatFloatV(123456)).isEqualTo("123456");
        assertThat(GoStrconv.formatFloat(1e21)).isEqualTo("1000000000000000000000");
        assertThat(GoStrconv.formatFloat(-0.0000001, 6)).isEqualTo("-0.000000");
    }
}
