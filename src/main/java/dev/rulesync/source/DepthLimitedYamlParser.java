package dev.rulesync.source;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * snakeyaml-engine's event parser with a cap on how deeply mappings and sequences nest. The engine's parser is a
 * state machine, but its composer builds the node tree by recursion, one level per collection: a 10 KB file of
 * {@code [[[[...]]]]} overflows the thread's stack. snakeyaml-engine has no nesting limit of its own (SnakeYAML 1.x's
 * LoaderOptions had one), so the composer reads events through this wrapper, which stops at the first collection
 * that opens deeper than {@link RuleFileLoader#MAX_YAML_NESTING} with a parser error at that place.
 */
final class DepthLimitedYamlParser implements Parser {

    private final Parser parser;
    private final int limit;
    private int depth;

    DepthLimitedYamlParser(Parser parser, int limit) {
        this.parser = parser;
        this.limit = limit;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > limit) {
                    throw new ParserException("mappings and lists nest deeper than " + limit + " levels",
                            e.getStartMark());
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
            }
        }
        return e;
    }
}
