package dev.rulesync.validate;

/**
 * How metric and label names are validated. Prometheus 3 accepts any UTF-8 name (quoted in PromQL); older
 * Prometheus, and Mimir or Loki set to legacy validation, accept only the classic character set.
 */
public enum NameValidation {
    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*} for metric names, {@code [a-zA-Z_][a-zA-Z0-9_]*} for label names. */
    LEGACY,
    /** Any non-empty valid UTF-8 (Prometheus 3, {@code metric_name_validation_scheme: utf8}). */
    UTF8;

    public boolean isValidMetricName(String name) {
        if (name == null || name.isEmpty()) return false;
        if (this == UTF8) return isValidUtf8(name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) return false;
        }
        return true;
    }

    public boolean isValidLabelName(String name) {
        if (name == null || name.isEmpty()) return false;
        if (this == UTF8) return isValidUtf8(name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) return false;
        }
        return true;
    }

    /** Java strings hold UTF-16; a lone surrogate is the one thing that cannot become valid UTF-8. */
    private static boolean isValidUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
