package dev.rulesync.gosyntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random inputs glued from pieces; -Dgosyntax.seed and -Dgosyntax.count explore further. */
final class Inputs {

    static final long SEED = Long.getLong("gosyntax.seed", 2026);

    private Inputs() {
    }

    static int count(int defaultCount) {
        return Integer.getInteger("gosyntax.count", defaultCount);
    }

    /** {@code count} distinct strings of 1 to {@code maxPieces} pieces, after the given fixed ones. */
    static List<String> glued(List<String> fixed, String[] pieces, int maxPieces, int count, long salt) {
        Random random = new Random(SEED ^ salt);
        Set<String> out = new LinkedHashSet<>(fixed);
        int target = fixed.size() + count;
        for (int tries = 0; out.size() < target && tries < count * 20; tries++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(maxPieces);
            for (int k = 0; k < n; k++) b.append(pieces[random.nextInt(pieces.length)]);
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }

    /** A raw byte, as a Java string holds one that is not UTF-8. */
    static String rawByte(int b) {
        return String.valueOf((char) (0xDC00 + b));
    }
}
