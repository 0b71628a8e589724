package dev.rulesync.validate;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The base class of our ANTLR parsers (PromQL, LogQL): it stops a parse whose tree would nest deeper than a limit.
 * <p>
 * ANTLR parsers descend by recursion, one Java frame per rule, and everything that later walks the tree (the AST
 * builders, type checks, printers) recurses once per level too. Go's growable stacks let Prometheus and Loki parse
 * 5,000 nested parentheses; a Java thread's fixed stack does not, and a {@link StackOverflowError} would end the
 * command or break a controller's reconcile. So the depth of the parse tree is counted while it is built, in
 * constant time per rule: a stack of subtree heights, where a left-recursive step ({@code a + b + c}) adds a level
 * under the current rule without a Java frame. The first rule that would go past the limit stops the parse with
 * {@link TooDeep} at the token where it happens.
 */
public abstract class DepthLimitedParser extends Parser {

    /** Thrown when the tree would nest deeper than the limit; carries the token where the limit is exceeded. */
    public static final class TooDeep extends ParseCancellationException {
        private final transient Token token;
        private final int limit;

        public TooDeep(Token token, int limit) {
            super("nests deeper than " + limit, null);
            this.token = token;
            this.limit = limit;
        }

        public Token token() {
            return token;
        }

        public int limit() {
            return limit;
        }
    }

    /**
     * The first opening bracket that nests deeper than {@code limit} brackets, or null. Run on the tokens before
     * parsing: ANTLR may look ahead across a whole bracketed expression to choose an alternative (a range or a
     * subquery after {@code [}), so input nested far past the limit would cost time before {@link TooDeep} stops
     * the descent. Every bracket level is at least one level of the parse tree, so this refuses nothing the parse
     * itself would accept. The tokens are read one at a time and not kept: a megabyte of brackets costs no memory.
     */
    public static Token firstTooDeep(TokenSource tokens, IntPredicate opens, IntPredicate closes, int limit) {
        int depth = 0;
        for (Token t = tokens.nextToken(); t.getType() != Token.EOF; t = tokens.nextToken()) {
            int type = t.getType();
            if (opens.test(type)) {
                if (++depth > limit) return t;
            } else if (closes.test(type) && depth > 0) {
                depth--;
            }
        }
        return null;
    }

    /** Whether {@code text} has more opening brackets than {@code limit}: only then can they nest past it. */
    public static boolean mayNestPast(String text, int limit) {
        if (text.length() <= limit) return false;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '(' || c == '[' || c == '{') && ++n > limit) return true;
        }
        return false;
    }

    private int limit = Integer.MAX_VALUE;
    // heights[i]: height of the subtree of the open rule at tree depth i + 1 (1 = the rule's node alone)
    private int[] heights = new int[32];
    private int open;

    protected DepthLimitedParser(TokenStream input) {
        super(input);
    }

    /** The deepest parse tree allowed: the root rule is at depth 1. */
    public void setMaxDepth(int limit) {
        this.limit = limit;
    }

    @Override
    public void reset() {
        super.reset();
        open = 0;
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        push();
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
        push();
        super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    @Override
    public void pushNewRecursionContext(ParserRuleContext localctx, int state, int ruleIndex) {
        // the rule's tree so far becomes the left child of a new node at the same depth: one level more below it
        if (open > 0 && open + heights[open - 1] > limit) throw new TooDeep(getCurrentToken(), limit);
        if (open > 0) heights[open - 1]++;
        super.pushNewRecursionContext(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        pop();
        super.exitRule();
    }

    @Override
    public void unrollRecursionContexts(ParserRuleContext parentctx) {
        pop();
        super.unrollRecursionContexts(parentctx);
    }

    private void push() {
        // enterRule runs before the rule's try/finally, so a throw here leaves nothing to pop
        if (open >= limit) throw new TooDeep(getCurrentToken(), limit);
        if (open == heights.length) heights = Arrays.copyOf(heights, open * 2);
        heights[open++] = 1;
    }

    private void pop() {
        if (open == 0) return;
        int h = heights[--open];
        if (open > 0 && heights[open - 1] < h + 1) heights[open - 1] = h + 1;
    }
}
