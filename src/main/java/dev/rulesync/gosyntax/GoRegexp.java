package dev.rulesync.gosyntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go's regular expression syntax (RE2, with Go's Perl flags), checked the way regexp/syntax.Parse checks it: the
 * verdict and Go's error message ("error parsing regexp: missing closing ): `(a`"), the capture groups, and whether
 * the expression matches the empty string. Nothing here matches text; rule-sync only needs to know what Prometheus,
 * Mimir and Loki would say about a regexp.
 *
 * <p>The parser walks the text once with an explicit stack, as Go's does, so deep nesting costs no Java stack. It
 * keeps only what Go's limits need of each subexpression (height, compiled size, nested repeat counts), in the tree
 * shape Go builds for the common forms; Go's limits (nesting height 1000, 3.3 million instructions, nested repeat
 * counts multiplying to at most 1000) are enforced on that shape.
 */
public final class GoRegexp {

    /** Which of Go's two regexp/syntax packages reads the text; they differ only in Unicode class names. */
    public enum Syntax {
        /**
         * github.com/grafana/regexp/syntax, the fork Prometheus' and Loki's label matchers and Loki's line filters
         * parse with: {@code \p{Name}} takes Go's unicode category and script names as they are spelled.
         */
        GRAFANA,
        /**
         * Go's own regexp/syntax (Go 1.26), which regexp.Compile uses (Loki's {@code | regexp} stage and
         * label_replace): class names match ignoring case and {@code _ - space}, plus Unicode's long category
         * names, Any, Assigned and ASCII.
         */
        GO
    }

    /** What Go said: {@code error} is null when the expression is valid. */
    public record Parsed(String error, int captures, List<String> names, boolean matchesEmpty) {

        public boolean ok() {
            return error == null;
        }

        /** The names of the named capture groups in order; Go allows a name twice, so duplicates are kept. */
        public List<String> groupNames() {
            return names.stream().filter(n -> !n.isEmpty()).toList();
        }
    }

    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Parsed> GRAFANA_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Parsed> GO_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Parsed> MATCHER_CACHE = new ConcurrentHashMap<>();

    private GoRegexp() {
    }

    /**
     * regexp/syntax.Parse(re, Perl) of the given package. Rules are validated again on every sync, so verdicts are
     * kept in a small bounded cache.
     */
    public static Parsed parse(String re, Syntax syntax) {
        return cached(syntax == Syntax.GRAFANA ? GRAFANA_CACHE : GO_CACHE, re,
                () -> new Parser(GoStrconv.canonical(re), syntax).run());
    }

    private static Parsed cached(Map<String, Parsed> cache, String re, java.util.function.Supplier<Parsed> parse) {
        Parsed p = cache.get(re);
        if (p == null) {
            p = parse.get();
            if (cache.size() >= CACHE_LIMIT) cache.clear();
            cache.put(re, p);
        }
        return p;
    }

    /** Null when {@code re} parses, else Go's message. */
    public static String error(String re, Syntax syntax) {
        return parse(re, syntax).error();
    }

    /**
     * A label matcher's regexp as Prometheus' labels.NewFastRegexMatcher builds it (also in Loki): alternatives of
     * plain text are taken as they are without parsing, anything else is parsed by grafana's syntax and compiled
     * anchored as {@code ^(?s:...)$}. {@link Parsed#matchesEmpty()} says whether the matcher matches "".
     */
    public static Parsed matcher(String re) {
        return cached(MATCHER_CACHE, re, () -> matcherUncached(re));
    }

    private static Parsed matcherUncached(String re) {
        boolean plain = true;
        boolean emptyAlternative = re.isEmpty();
        int from = 0;
        for (int i = 0; i <= re.length() && plain; i++) {
            if (i == re.length() || re.charAt(i) == '|') {
                if (i == from) emptyAlternative = true;
                from = i + 1;
            } else {
                plain = "\\.+*?()[]{}^$".indexOf(re.charAt(i)) < 0;
            }
        }
        if (plain) return new Parsed(null, 0, List.of(), emptyAlternative);
        Parser parser = new Parser(GoStrconv.canonical(re), Syntax.GRAFANA);
        Parsed p = parser.run();
        // "^(?s:" + re + ")$" joins the top concatenation or adds one level above anything else
        if (p.ok() && parser.rootHeight + (parser.rootIsConcat ? 0 : 1) > MAX_HEIGHT) {
            return new Parsed(message("expression nests too deeply", "^(?s:" + re + ")$"), 0, List.of(), false);
        }
        return p;
    }

    // ---- Go's limits -------------------------------------------------------------------------------------

    private static final int MAX_HEIGHT = 1000;
    private static final long MAX_SIZE = (128L << 20) / 40;
    private static final int MAX_REPEAT = 1000;

    private static String message(String code, String expr) {
        return "error parsing regexp: " + code + ": `" + expr + "`";
    }

    /** A syntax error: Go's error code and the part of the text it quotes. */
    private static final class Fail extends RuntimeException {
        Fail(String code, String expr) {
            super(message(code, expr), null, false, false);
        }
    }

    // ---- Unicode class names ------------------------------------------------------------------------------

    /** unicode.Categories of Go 1.26 (Unicode 15.0.0); GoRegexpOracleIT checks the three lists against Go's. */
    static final Set<String> CATEGORIES = Set.of(("C Cc Cf Cn Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd"
            + " Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs").split(" "));

    /** unicode.Scripts of Go 1.26 (Unicode 15.0.0). */
    static final Set<String> SCRIPTS = Set.of(("Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese"
            + " Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal"
            + " Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan"
            + " Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic"
            + " Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya"
            + " Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian"
            + " Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi"
            + " Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic"
            + " Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive"
            + " Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari"
            + " New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic"
            + " Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya"
            + " Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic"
            + " Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo"
            + " Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut"
            + " Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi"
            + " Zanabazar_Square").split(" "));

    /** unicode.CategoryAliases of Go 1.26, as Go's regexp looks them up (canonical form). */
    static final Set<String> ALIASES = Set.of(("Cased_Letter Close_Punctuation Combining_Mark Connector_Punctuation"
            + " Control Currency_Symbol Dash_Punctuation Decimal_Number Enclosing_Mark Final_Punctuation Format"
            + " Initial_Punctuation Letter Letter_Number Line_Separator Lowercase_Letter Mark Math_Symbol"
            + " Modifier_Letter Modifier_Symbol Nonspacing_Mark Number Open_Punctuation Other Other_Letter"
            + " Other_Number Other_Punctuation Other_Symbol Paragraph_Separator Private_Use Punctuation Separator"
            + " Space_Separator Spacing_Mark Surrogate Symbol Titlecase_Letter Unassigned Uppercase_Letter cntrl"
            + " digit punct").split(" ")).stream().map(GoRegexp::canonicalName).collect(
            java.util.stream.Collectors.toUnmodifiableSet());

    private static boolean knownClass(String name, Syntax syntax) {
        if (syntax == Syntax.GRAFANA) return name.equals("Any") || CATEGORIES.contains(name) || SCRIPTS.contains(name);
        String c = canonicalName(name);
        return switch (c) {
            case "Any", "Assigned", "Ascii", "Lc" -> true;
            default -> CATEGORIES.contains(c) || SCRIPTS.contains(c) || ALIASES.contains(c);
        };
    }

    /** Go's canonicalName: first letter upper case, the rest lower case, without '_', '-' and ' '. */
    static String canonicalName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean first = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == ' ') continue;
            if (first) {
                if (c >= 'a' && c <= 'z') c -= 'a' - 'A';
                first = false;
            } else if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            b.append(c);
        }
        return b.toString();
    }

    private static final Set<String> POSIX_CLASSES = Set.of("[:alnum:]", "[:alpha:]", "[:ascii:]", "[:blank:]",
            "[:cntrl:]", "[:digit:]", "[:graph:]", "[:lower:]", "[:print:]", "[:punct:]", "[:space:]", "[:upper:]",
            "[:word:]", "[:xdigit:]", "[:^alnum:]", "[:^alpha:]", "[:^ascii:]", "[:^blank:]", "[:^cntrl:]",
            "[:^digit:]", "[:^graph:]", "[:^lower:]", "[:^print:]", "[:^punct:]", "[:^space:]", "[:^upper:]",
            "[:^word:]", "[:^xdigit:]");

    // ---- the parser ---------------------------------------------------------------------------------------

    /** What Go's limits and rule-sync's questions need of a subexpression. */
    private enum Op {
        LITERAL, CLASS, EMPTY_WIDTH, EMPTY_MATCH, CAPTURE, STAR, PLUS, QUEST, REPEAT, CONCAT, ALTERNATE,
        LEFT_PAREN, VERTICAL_BAR
    }

    private static final class Node {
        final Op op;
        int height = 1;
        long size = 1;
        /** The largest product of nested {n,m} counts inside, as Go's repeatIsValid multiplies them. */
        long repeats = 1;
        boolean nullable;
        /** Literal: runes so far and whether (?i) was on; the subexpressions of a concat or alternation. */
        int runes;
        boolean fold;
        int subs;
        int subHeight;
        /** LEFT_PAREN: the capture index (0 for a group) and the fold flag to restore at ')'. */
        int cap;
        boolean savedFold;

        Node(Op op) {
            this.op = op;
        }

        boolean pseudo() {
            return op == Op.LEFT_PAREN || op == Op.VERTICAL_BAR;
        }

        /** Go's isCharClass: one character, which an alternation can merge into a class. */
        boolean charClassLike() {
            return op == Op.CLASS || op == Op.LITERAL && runes == 1;
        }
    }

    private static final class Parser {
        private final String re;
        private final Syntax syntax;
        private final int n;
        private final List<Node> stack = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private boolean fold;
        int rootHeight;
        boolean rootIsConcat;

        Parser(String re, Syntax syntax) {
            this.re = re;
            this.syntax = syntax;
            this.n = re.length();
        }

        Parsed run() {
            try {
                boolean nullable = parse();
                return new Parsed(null, names.size(), Collections.unmodifiableList(names), nullable);
            } catch (Fail f) {
                return new Parsed(f.getMessage(), 0, List.of(), false);
            }
        }

        private boolean parse() {
            int i = 0;
            int lastRepeat = -1;
            while (i < n) {
                int repeat = -1;
                char c = re.charAt(i);
                switch (c) {
                    case '(' -> {
                        if (i + 1 < n && re.charAt(i + 1) == '?') {
                            i = perlFlags(i);
                        } else {
                            names.add("");
                            leftParen(names.size());
                            i++;
                        }
                    }
                    case '|' -> {
                        verticalBar();
                        i++;
                    }
                    case ')' -> {
                        rightParen();
                        i++;
                    }
                    case '^', '$' -> {
                        push(emptyWidth(true));
                        i++;
                    }
                    case '.' -> {
                        push(new Node(Op.CLASS));
                        i++;
                    }
                    case '[' -> i = parseClass(i);
                    case '*', '+', '?' -> {
                        Op op = c == '*' ? Op.STAR : c == '+' ? Op.PLUS : Op.QUEST;
                        repeat = i;
                        i = repeat(op, 0, 0, i, i + 1, lastRepeat);
                    }
                    case '{' -> {
                        int[] r = parseRepeat(i);
                        if (r == null) {
                            literal('{');
                            i++;
                        } else {
                            int min = r[0];
                            int max = r[1];
                            if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && min > max) {
                                throw new Fail("invalid repeat count", re.substring(i, r[2]));
                            }
                            repeat = i;
                            i = repeat(Op.REPEAT, min, max, i, r[2], lastRepeat);
                        }
                    }
                    case '\\' -> i = escape(i);
                    default -> {
                        int cp = nextRune(i);
                        literal(cp);
                        i += Character.charCount(cp);
                    }
                }
                lastRepeat = repeat;
            }
            concat();
            if (swapVerticalBar()) stack.removeLast();
            alternate();
            if (stack.size() != 1) throw new Fail("missing closing )", re);
            Node root = stack.getFirst();
            rootHeight = root.height;
            rootIsConcat = root.op == Op.CONCAT;
            return root.nullable;
        }

        /** The code point at i; a raw byte is not UTF-8 and stops Go with the rest of the text. */
        private int nextRune(int i) {
            int cp = re.codePointAt(i);
            if (cp >= 0xDC80 && cp <= 0xDCFF) throw new Fail("invalid UTF-8", re.substring(i));
            return cp;
        }

        /** Go's checkUTF8 over re[from, to). */
        private void checkUtf8(int from, int to) {
            for (int i = from; i < to; ) {
                int cp = re.codePointAt(i);
                if (cp >= 0xDC80 && cp <= 0xDCFF) throw new Fail("invalid UTF-8", re.substring(i, to));
                i += Character.charCount(cp);
            }
        }

        // -- building, with Go's stack discipline

        private static Node emptyWidth(boolean nullable) {
            Node e = new Node(Op.EMPTY_WIDTH);
            e.nullable = nullable;
            return e;
        }

        private void literal(int cp) {
            Node l = new Node(Op.LITERAL);
            l.runes = 1;
            l.fold = fold;
            push(l);
        }

        private void leftParen(int cap) {
            Node p = new Node(Op.LEFT_PAREN);
            p.cap = cap;
            p.savedFold = fold;
            push(p);
        }

        /** Go's push: literals merge into strings one step behind, then the limits are checked. */
        private void push(Node node) {
            maybeConcat();
            stack.add(node);
            checkLimits(node);
        }

        private void maybeConcat() {
            int k = stack.size();
            if (k < 2) return;
            Node top = stack.get(k - 1);
            Node below = stack.get(k - 2);
            if (top.op != Op.LITERAL || below.op != Op.LITERAL || top.fold != below.fold) return;
            below.runes += top.runes;
            below.size = below.runes;
            stack.removeLast();
        }

        private void checkLimits(Node node) {
            if (node.height > MAX_HEIGHT) throw new Fail("expression nests too deeply", re);
            if (node.size > MAX_SIZE) throw new Fail("expression too large", re);
        }

        private int repeat(Op op, int min, int max, int before, int after, int lastRepeat) {
            if (after < n && re.charAt(after) == '?') after++;
            if (lastRepeat >= 0) throw new Fail("invalid nested repetition operator", re.substring(lastRepeat, after));
            if (stack.isEmpty() || stack.getLast().pseudo()) {
                throw new Fail("missing argument to repetition operator", re.substring(before, after));
            }
            Node sub = stack.removeLast();
            Node r = new Node(op);
            r.height = sub.height + 1;
            r.repeats = sub.repeats;
            switch (op) {
                case STAR -> {
                    r.size = 2 + sub.size;
                    r.nullable = true;
                }
                case PLUS -> {
                    r.size = 1 + sub.size;
                    r.nullable = sub.nullable;
                }
                case QUEST -> {
                    r.size = 1 + sub.size;
                    r.nullable = true;
                }
                default -> {
                    r.nullable = min == 0 || sub.nullable;
                    if (max == -1) {
                        r.size = min == 0 ? 2 + sub.size : 1 + min * sub.size;
                    } else {
                        r.size = Math.max(1, max * sub.size + (max - min));
                    }
                    int m = max == -1 ? min : max;
                    r.repeats = max == 0 ? 1 : Math.min(Integer.MAX_VALUE, Math.max(m, 1) * sub.repeats);
                }
            }
            stack.add(r);
            checkLimits(r);
            if (op == Op.REPEAT && (min >= 2 || max >= 2) && r.repeats > MAX_REPEAT) {
                throw new Fail("invalid repeat count", re.substring(before, after));
            }
            return after;
        }

        /** Go's parseRepeat: {min,max} as {min, max (-1 for none), end}, or null when the brace is a literal. */
        private int[] parseRepeat(int i) {
            int j = i + 1;
            int[] min = parseInt(j);
            if (min == null) return null;
            j = min[1];
            if (j >= n) return null;
            int max;
            if (re.charAt(j) != ',') {
                max = min[0];
            } else {
                j++;
                if (j >= n) return null;
                if (re.charAt(j) == '}') {
                    max = -1;
                } else {
                    int[] m = parseInt(j);
                    if (m == null) return null;
                    max = m[0];
                    j = m[1];
                    if (max < 0) min[0] = -1;
                }
            }
            if (j >= n || re.charAt(j) != '}') return null;
            return new int[] {min[0], max, j + 1};
        }

        /** A decimal without leading zeros: {value (-1 when too big), end}, or null. */
        private int[] parseInt(int i) {
            if (i >= n || !isDigit(re.charAt(i))) return null;
            if (i + 1 < n && re.charAt(i) == '0' && isDigit(re.charAt(i + 1))) return null;
            int j = i;
            while (j < n && isDigit(re.charAt(j))) j++;
            int v = 0;
            for (int k = i; k < j; k++) {
                if (v >= 100_000_000) {
                    v = -1;
                    break;
                }
                v = v * 10 + re.charAt(k) - '0';
            }
            return new int[] {v, j};
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private void concat() {
            maybeConcat();
            int from = topPseudo() + 1;
            if (from == stack.size()) {
                Node e = new Node(Op.EMPTY_MATCH);
                e.nullable = true;
                push(e);
                return;
            }
            List<Node> subs = new ArrayList<>(stack.subList(from, stack.size()));
            stack.subList(from, stack.size()).clear();
            push(collapse(subs, Op.CONCAT));
        }

        private void alternate() {
            int from = topPseudo() + 1;
            List<Node> subs = new ArrayList<>(stack.subList(from, stack.size()));
            stack.subList(from, stack.size()).clear();
            if (subs.isEmpty()) {
                push(new Node(Op.CLASS)); // no match; never happens
                return;
            }
            push(collapse(subs, Op.ALTERNATE));
        }

        private int topPseudo() {
            int i = stack.size() - 1;
            while (i >= 0 && !stack.get(i).pseudo()) i--;
            return i;
        }

        /** One node for op over subs, hoisting subexpressions of the same op as Go does. */
        private static Node collapse(List<Node> subs, Op op) {
            if (subs.size() == 1) return subs.getFirst();
            Node c = new Node(op);
            c.size = 0;
            c.nullable = op == Op.CONCAT;
            for (Node s : subs) {
                boolean hoist = s.op == op;
                c.subs += hoist ? s.subs : 1;
                c.subHeight = Math.max(c.subHeight, hoist ? s.subHeight : s.height);
                c.size += op == Op.ALTERNATE && hoist ? s.size - (s.subs - 1) : s.size;
                c.repeats = Math.max(c.repeats, s.repeats);
                c.nullable = op == Op.CONCAT ? c.nullable && s.nullable : c.nullable || s.nullable;
            }
            if (op == Op.ALTERNATE) c.size += c.subs - 1;
            c.size = Math.max(1, c.size);
            c.height = 1 + c.subHeight;
            return c;
        }

        private void verticalBar() {
            concat();
            if (!swapVerticalBar()) push(new Node(Op.VERTICAL_BAR));
        }

        /**
         * Go's swapVerticalBar: the alternative just finished moves below the '|' marker, merged into the one
         * before when both are single characters.
         */
        private boolean swapVerticalBar() {
            int k = stack.size();
            if (k >= 3 && stack.get(k - 2).op == Op.VERTICAL_BAR && stack.get(k - 1).charClassLike()
                    && stack.get(k - 3).charClassLike()) {
                Node merged = new Node(Op.CLASS);
                stack.set(k - 3, merged);
                stack.removeLast();
                return true;
            }
            if (k >= 2 && stack.get(k - 2).op == Op.VERTICAL_BAR) {
                Node top = stack.get(k - 1);
                stack.set(k - 1, stack.get(k - 2));
                stack.set(k - 2, top);
                return true;
            }
            return false;
        }

        private void rightParen() {
            concat();
            if (swapVerticalBar()) stack.removeLast();
            alternate();
            int k = stack.size();
            if (k < 2) throw new Fail("unexpected )", re);
            Node inner = stack.removeLast();
            Node open = stack.removeLast();
            if (open.op != Op.LEFT_PAREN) throw new Fail("unexpected )", re);
            fold = open.savedFold;
            if (open.cap == 0) {
                push(inner);
            } else {
                Node c = new Node(Op.CAPTURE);
                c.height = inner.height + 1;
                c.size = 2 + inner.size;
                c.repeats = inner.repeats;
                c.nullable = inner.nullable;
                push(c);
            }
        }

        /** After "(?": a named group, or flags with or without a group. */
        private int perlFlags(int i) {
            boolean startsWithP = n - i > 4 && re.charAt(i + 2) == 'P' && re.charAt(i + 3) == '<';
            boolean startsWithName = n - i > 3 && re.charAt(i + 2) == '<';
            if (startsWithP || startsWithName) {
                int nameStart = i + (startsWithP ? 4 : 3);
                int end = re.indexOf('>', i);
                if (end < 0) {
                    checkUtf8(i, n);
                    throw new Fail("invalid named capture", re.substring(i));
                }
                checkUtf8(nameStart, end);
                if (!validCaptureName(nameStart, end)) throw new Fail("invalid named capture", re.substring(i, end + 1));
                names.add(re.substring(nameStart, end));
                leftParen(names.size());
                return end + 1;
            }
            int t = i + 2;
            boolean newFold = fold;
            int sign = 1;
            boolean sawFlag = false;
            while (t < n) {
                int c = nextRune(t);
                t += Character.charCount(c);
                switch (c) {
                    case 'i' -> {
                        newFold = sign > 0;
                        sawFlag = true;
                    }
                    case 'm', 's', 'U' -> sawFlag = true;
                    case '-' -> {
                        if (sign < 0) throw new Fail("invalid or unsupported Perl syntax", re.substring(i, t));
                        sign = -1;
                        sawFlag = false;
                    }
                    case ':', ')' -> {
                        if (sign < 0 && !sawFlag) {
                            throw new Fail("invalid or unsupported Perl syntax", re.substring(i, t));
                        }
                        if (c == ':') leftParen(0);
                        fold = newFold;
                        return t;
                    }
                    default -> throw new Fail("invalid or unsupported Perl syntax", re.substring(i, t));
                }
            }
            throw new Fail("invalid or unsupported Perl syntax", re.substring(i, t));
        }

        private boolean validCaptureName(int from, int to) {
            if (from == to) return false;
            for (int k = from; k < to; k++) {
                char c = re.charAt(k);
                if (c != '_' && !isAlnum(c)) return false;
            }
            return true;
        }

        private static boolean isAlnum(int c) {
            return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }

        /** A backslash outside a class. */
        private int escape(int i) {
            if (i + 1 < n) {
                switch (re.charAt(i + 1)) {
                    case 'A', 'z' -> {
                        push(emptyWidth(true));
                        return i + 2;
                    }
                    case 'b' -> {
                        push(emptyWidth(false)); // no word character around ""
                        return i + 2;
                    }
                    case 'B' -> {
                        push(emptyWidth(true));
                        return i + 2;
                    }
                    case 'C' -> throw new Fail("invalid escape sequence", "\\C");
                    case 'Q' -> {
                        int end = re.indexOf("\\E", i + 2);
                        int stop = end < 0 ? n : end;
                        for (int k = i + 2; k < stop; ) {
                            int cp = re.codePointAt(k);
                            if (cp >= 0xDC80 && cp <= 0xDCFF) throw new Fail("invalid UTF-8", re.substring(k, stop));
                            literal(cp);
                            k += Character.charCount(cp);
                        }
                        return end < 0 ? n : end + 2;
                    }
                    case 'p', 'P' -> {
                        int next = unicodeClass(i);
                        push(new Node(Op.CLASS));
                        return next;
                    }
                    case 'd', 'D', 's', 'S', 'w', 'W' -> {
                        push(new Node(Op.CLASS));
                        return i + 2;
                    }
                    default -> {
                    }
                }
            }
            int[] r = escapeChar(i);
            literal(r[0]);
            return r[1];
        }

        /** Go's parseEscape: {rune, end}. */
        private int[] escapeChar(int i) {
            int t = i + 1;
            if (t >= n) throw new Fail("trailing backslash at end of expression", "");
            int c = nextRune(t);
            t += Character.charCount(c);
            switch (c) {
                case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                    if (c != '0' && (t >= n || re.charAt(t) < '0' || re.charAt(t) > '7')) break;
                    int r = c - '0';
                    for (int k = 1; k < 3 && t < n && re.charAt(t) >= '0' && re.charAt(t) <= '7'; k++, t++) {
                        r = r * 8 + re.charAt(t) - '0';
                    }
                    return new int[] {r, t};
                }
                case 'x' -> {
                    if (t >= n) break;
                    c = nextRune(t);
                    t += Character.charCount(c);
                    if (c == '{') {
                        int digits = 0;
                        int r = 0;
                        while (true) {
                            if (t >= n) throw new Fail("invalid escape sequence", re.substring(i, t));
                            c = nextRune(t);
                            t += Character.charCount(c);
                            if (c == '}') break;
                            int v = hex(c);
                            if (v < 0) throw new Fail("invalid escape sequence", re.substring(i, t));
                            r = r * 16 + v;
                            if (r > Character.MAX_CODE_POINT) throw new Fail("invalid escape sequence", re.substring(i, t));
                            digits++;
                        }
                        if (digits == 0) break;
                        return new int[] {r, t};
                    }
                    int x = hex(c);
                    int y = -1;
                    if (t < n) {
                        int c2 = nextRune(t);
                        t += Character.charCount(c2);
                        y = hex(c2);
                    }
                    if (x < 0 || y < 0) break;
                    return new int[] {x * 16 + y, t};
                }
                case 'a' -> {
                    return new int[] {7, t};
                }
                case 'f' -> {
                    return new int[] {'\f', t};
                }
                case 'n' -> {
                    return new int[] {'\n', t};
                }
                case 'r' -> {
                    return new int[] {'\r', t};
                }
                case 't' -> {
                    return new int[] {'\t', t};
                }
                case 'v' -> {
                    return new int[] {11, t};
                }
                default -> {
                    if (c < 0x80 && !isAlnum(c)) return new int[] {c, t};
                }
            }
            throw new Fail("invalid escape sequence", re.substring(i, t));
        }

        private static int hex(int c) {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        /** \pN, \p{Name}, \P{^Name} at i (the backslash): checks the name, returns the end. */
        private int unicodeClass(int i) {
            int t = i + 2;
            String seq;
            String name;
            int next;
            int c = t < n ? nextRune(t) : -1;
            if (c != '{') {
                next = c < 0 ? t : t + Character.charCount(c);
                seq = re.substring(i, next);
                name = seq.substring(2);
            } else {
                int end = re.indexOf('}', i);
                if (end < 0) {
                    checkUtf8(i, n);
                    throw new Fail("invalid character class range", re.substring(i));
                }
                seq = re.substring(i, end + 1);
                checkUtf8(i + 3, end);
                name = re.substring(i + 3, end);
                next = end + 1;
            }
            if (name.startsWith("^")) name = name.substring(1);
            if (!knownClass(name, syntax)) throw new Fail("invalid character class range", seq);
            return next;
        }

        /** A character class at i ('['): checks it and pushes it; returns the end. */
        private int parseClass(int i) {
            int t = i + 1;
            if (t < n && re.charAt(t) == '^') t++;
            boolean first = true;
            while (t >= n || re.charAt(t) != ']' || first) {
                first = false;
                if (n - t > 2 && re.charAt(t) == '[' && re.charAt(t + 1) == ':') {
                    int end = re.indexOf(":]", t + 2);
                    if (end >= 0) {
                        String name = re.substring(t, end + 2);
                        if (!POSIX_CLASSES.contains(name)) throw new Fail("invalid character class range", name);
                        t = end + 2;
                        continue;
                    }
                }
                if (t + 1 < n && re.charAt(t) == '\\' && (re.charAt(t + 1) == 'p' || re.charAt(t + 1) == 'P')) {
                    t = unicodeClass(t);
                    continue;
                }
                if (t + 1 < n && re.charAt(t) == '\\' && "dDsSwW".indexOf(re.charAt(t + 1)) >= 0) {
                    t += 2;
                    continue;
                }
                int range = t;
                int[] lo = classChar(t, i);
                t = lo[1];
                if (n - t >= 2 && re.charAt(t) == '-' && re.charAt(t + 1) != ']') {
                    int[] hi = classChar(t + 1, i);
                    t = hi[1];
                    if (hi[0] < lo[0]) throw new Fail("invalid character class range", re.substring(range, t));
                }
            }
            push(new Node(Op.CLASS));
            return t + 1;
        }

        private int[] classChar(int t, int classStart) {
            if (t >= n) throw new Fail("missing closing ]", re.substring(classStart));
            if (re.charAt(t) == '\\') return escapeChar(t);
            int cp = nextRune(t);
            return new int[] {cp, t + Character.charCount(cp)};
        }
    }
}
