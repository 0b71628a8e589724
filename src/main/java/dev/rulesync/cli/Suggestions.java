package dev.rulesync.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean ...?" for a mistyped command. picocli's own suggestion compares letter pairs, which finds nothing in
 * a swap such as {@code lnit}; an edit distance that counts a swap of neighbours as one edit finds it.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** The known word within two edits of {@code word} (the nearest; the first listed on a tie), if any. */
    static Optional<String> closest(String word, Collection<String> known) {
        return known.stream().filter(k -> distance(word, k) <= 2)
                .min(Comparator.comparingInt(k -> distance(word, k)));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, each one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
