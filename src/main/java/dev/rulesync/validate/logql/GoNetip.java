package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoStrconv;
/**
 * The IP patterns of Loki's ip() filters: a single address (Go's netip.ParseAddr), a CIDR prefix
 * (netip.ParsePrefix) or a range "from-to" (netipx.ParseIPRange). Loki checks them when it builds the filter.
 */
final class GoNetip {

    private GoNetip() {
    }

    /** Null when Loki accepts the pattern, else Loki's message. */
    static String patternError(String pattern) {
        if (addr(pattern) != null || prefix(pattern) || range(pattern)) return null;
        return "ip: invalid pattern: " + GoStrconv.quote(pattern);
    }

    /** An address as {bits, value bytes...}; null when Go's netip.ParseAddr refuses it. Zone kept apart. */
    private record Addr(int bits, byte[] bytes, String zone) {
    }

    private static Addr addr(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                byte[] v4 = ipv4(s);
                return v4 == null ? null : new Addr(32, v4, "");
            }
            if (c == ':') return ipv6(s);
            if (c == '%') return null;
        }
        return null;
    }

    private static byte[] ipv4(String s) {
        byte[] out = new byte[4];
        int field = 0;
        int val = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && val == 0) return null; // leading zero
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) return null;
            } else if (c == '.') {
                if (digits == 0 || field == 3) return null;
                out[field++] = (byte) val;
                val = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (field != 3 || digits == 0) return null;
        out[3] = (byte) val;
        return out;
    }

    private static Addr ipv6(String in) {
        String s = in;
        String zone = "";
        int pct = s.indexOf('%');
        if (pct >= 0) {
            zone = s.substring(pct + 1);
            s = s.substring(0, pct);
            if (zone.isEmpty()) return null;
        }
        byte[] ip = new byte[16];
        int ellipsis = -1;
        int i = 0;
        if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) return new Addr(128, ip, zone);
        }
        while (i < 16) {
            int off = 0;
            int acc = 0;
            while (off < s.length()) {
                int d = Character.digit(s.charAt(off), 16);
                if (d < 0 || s.charAt(off) > 'f') break;
                acc = acc * 16 + d;
                off++;
                if (off > 4) return null;
            }
            if (off == 0) return null;
            if (off < s.length() && s.charAt(off) == '.') {
                if (ellipsis < 0 && i != 12) return null;
                if (i + 4 > 16) return null;
                byte[] v4 = ipv4(s);
                if (v4 == null) return null;
                System.arraycopy(v4, 0, ip, i, 4);
                i += 4;
                s = "";
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            s = s.substring(off);
            if (s.isEmpty()) break;
            if (s.charAt(0) != ':') return null;
            if (s.length() == 1) return null;
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) return null;
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) break;
            }
        }
        if (!s.isEmpty()) return null;
        if (i < 16) {
            if (ellipsis < 0) return null;
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
            for (int j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
        } else if (ellipsis >= 0) {
            return null;
        }
        return new Addr(128, ip, zone);
    }

    private static boolean prefix(String s) {
        int slash = s.lastIndexOf('/');
        if (slash < 0) return false;
        Addr a = addr(s.substring(0, slash));
        if (a == null || !a.zone().isEmpty()) return false;
        String bits = s.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 1 && (bits.charAt(0) < '1' || bits.charAt(0) > '9')) return false;
        for (int i = 0; i < bits.length(); i++) if (bits.charAt(i) < '0' || bits.charAt(i) > '9') return false;
        if (bits.length() > 3) return false;
        int b = Integer.parseInt(bits);
        return b <= a.bits();
    }

    private static boolean range(String s) {
        int dash = s.indexOf('-');
        if (dash < 0) return false;
        Addr from = addr(s.substring(0, dash));
        Addr to = addr(s.substring(dash + 1));
        if (from == null || to == null) return false;
        if (from.bits() != to.bits() || !from.zone().equals(to.zone())) return false;
        return java.util.Arrays.compareUnsigned(from.bytes(), to.bytes()) <= 0;
    }
}
