/*
 * LogQL, the query language of Grafana Loki, as Loki v3.x parses it.
 *
 * Written for rule-sync from Loki's grammar (pkg/logql/syntax/syntax.y) and lexer (lex.go) as the specification.
 * Tokens come from LogQLLexer.java, a hand-written lexer: Loki's lexer decides token types by looking ahead in
 * the raw text (a function name is only a keyword when "(" or "by (" / "without (" follows, durations and byte
 * sizes are glued to numbers, "[...]" is read as one range token), which is simpler to mirror in code than in a
 * lexer grammar.
 *
 * Where yacc's conflict resolution shapes the tree (label filters joined by and/or/","/juxtaposition), the
 * grammar keeps a flat list and AstBuilder builds the tree the way Loki's generated parser does. Which
 * sub-expressions may stand where (a log query is not a metric query) is checked by AstBuilder too, so that the
 * grammar stays readable.
 */
parser grammar LogQLParser;

options { superClass = dev.rulesync.validate.DepthLimitedParser; }

tokens {
    BYTES, IDENTIFIER, STRING, NUMBER, FUNCTION_FLAG, DURATION, RANGE,
    EQ, RE, NRE, NPA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, DOT,
    PIPE_MATCH, PIPE_EXACT, PIPE_PATTERN, OPEN_PARENTHESIS, CLOSE_PARENTHESIS, BY, WITHOUT,
    COUNT_OVER_TIME, RATE, RATE_COUNTER, SUM, SORT, SORT_DESC, AVG, MAX, MIN, COUNT, STDDEV, STDVAR,
    BOTTOMK, TOPK, APPROX_TOPK, BYTES_OVER_TIME, BYTES_RATE, BOOL, JSON, REGEXP, LOGFMT, PIPE, LINE_FMT,
    LABEL_FMT, UNWRAP, AVG_OVER_TIME, SUM_OVER_TIME, MIN_OVER_TIME, MAX_OVER_TIME, STDVAR_OVER_TIME,
    STDDEV_OVER_TIME, QUANTILE_OVER_TIME, BYTES_CONV, DURATION_CONV, DURATION_SECONDS_CONV,
    FIRST_OVER_TIME, LAST_OVER_TIME, ABSENT_OVER_TIME, VECTOR, LABEL_REPLACE, UNPACK, OFFSET, PATTERN, IP,
    ON, IGNORING, GROUP_LEFT, GROUP_RIGHT, DECOLORIZE, DROP, KEEP, VARIANTS, OF,
    OR, AND, UNLESS, CMP_EQ, NEQ, LT, LTE, GT, GTE, ADD, SUB, MUL, DIV, MOD, POW
}

root : expr EOF ;

// Binary operators, tightest first (ANTLR gives earlier alternatives higher precedence); ^ is right-associative.
expr
    : <assoc=right> expr op=POW binOpModifier expr                    # binOp
    | expr op=(MUL | DIV | MOD) binOpModifier expr                    # binOp
    | expr op=(ADD | SUB) binOpModifier expr                          # binOp
    | expr op=(CMP_EQ | NEQ | GT | GTE | LT | LTE) binOpModifier expr # binOp
    | expr op=(AND | UNLESS) binOpModifier expr                       # binOp
    | expr op=OR binOpModifier expr                                   # binOp
    | selector pipelineExpr?                                          # logExpr
    | rangeAggregationExpr                                            # rangeAggregation
    | vectorAggregationExpr                                           # vectorAggregation
    | literalExpr                                                     # literal
    | LABEL_REPLACE OPEN_PARENTHESIS expr COMMA STRING COMMA STRING COMMA STRING COMMA STRING CLOSE_PARENTHESIS # labelReplace
    | VECTOR OPEN_PARENTHESIS NUMBER CLOSE_PARENTHESIS                # vector
    | VARIANTS OPEN_PARENTHESIS expr (COMMA expr)* CLOSE_PARENTHESIS OF OPEN_PARENTHESIS logRangeExpr CLOSE_PARENTHESIS # variants
    | OPEN_PARENTHESIS expr CLOSE_PARENTHESIS                         # parens
    ;

binOpModifier
    : BOOL? (onOrIgnoring=(ON | IGNORING) OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS groupModifier?)?
    ;

// Loki's parser always takes a "(" after group_left/group_right as the start of the include list.
groupModifier
    : side=(GROUP_LEFT | GROUP_RIGHT) (OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS | {_input.LA(1) != OPEN_PARENTHESIS}?)
    ;

literalExpr : sign=(ADD | SUB)? NUMBER ;

rangeAggregationExpr
    : rangeOp OPEN_PARENTHESIS (NUMBER COMMA)? logRangeExpr CLOSE_PARENTHESIS grouping?
    ;

vectorAggregationExpr
    : vectorOp grouping OPEN_PARENTHESIS (NUMBER COMMA)? expr CLOSE_PARENTHESIS
    | vectorOp OPEN_PARENTHESIS (NUMBER COMMA)? expr CLOSE_PARENTHESIS grouping?
    ;

// The places a range may stand: after the selector, after the whole pipeline, or between them.
logRangeExpr
    : selector pipelineExpr? unwrapExpr? RANGE offsetExpr?                                          # rangeAfter
    | OPEN_PARENTHESIS selector pipelineExpr? unwrapExpr? CLOSE_PARENTHESIS RANGE offsetExpr?       # parenRangeAfter
    | OPEN_PARENTHESIS selector CLOSE_PARENTHESIS RANGE offsetExpr? unwrapExpr                      # parenSelectorRangeUnwrap
    | selector RANGE offsetExpr? pipelineExpr unwrapExpr?                                           # rangeBeforePipeline
    | selector RANGE offsetExpr? unwrapExpr                                                         # rangeBeforeUnwrap
    | OPEN_PARENTHESIS logRangeExpr CLOSE_PARENTHESIS                                               # parenLogRange
    ;

unwrapExpr
    : PIPE UNWRAP (IDENTIFIER | convOp OPEN_PARENTHESIS IDENTIFIER CLOSE_PARENTHESIS) (PIPE labelFilter)*
    ;

convOp : BYTES_CONV | DURATION_CONV | DURATION_SECONDS_CONV ;

offsetExpr : OFFSET DURATION ;

selector : OPEN_BRACE (matcher (COMMA matcher)*)? CLOSE_BRACE ;

matcher : IDENTIFIER op=(EQ | NEQ | RE | NRE) STRING ;

pipelineExpr : pipelineStage+ ;

pipelineStage
    : lineFilter                                                     # lineFilterStage
    | PIPE LOGFMT FUNCTION_FLAG* labelExtractionList?                # logfmtStage
    | PIPE JSON labelExtractionList?                                 # jsonStage
    | PIPE kind=(REGEXP | PATTERN) STRING                            # regexpOrPatternStage
    | PIPE UNPACK                                                    # unpackStage
    | PIPE labelFilter                                               # labelFilterStage
    | PIPE LINE_FMT STRING                                           # lineFormatStage
    | PIPE DECOLORIZE                                                # decolorizeStage
    | PIPE LABEL_FMT labelFormat (COMMA labelFormat)*                # labelFormatStage
    | PIPE which=(DROP | KEEP) namedMatcher (COMMA namedMatcher)*    # dropOrKeepStage
    ;

lineFilter : filter lineFilterValue (OR lineFilterValue)* ;

filter : PIPE_MATCH | PIPE_EXACT | PIPE_PATTERN | NRE | NEQ | NPA ;

lineFilterValue : STRING | IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS ;

labelExtractionList : labelExtraction (COMMA labelExtraction)* ;

labelExtraction : IDENTIFIER (EQ STRING)? ;

labelFormat : IDENTIFIER EQ (IDENTIFIER | STRING) ;

// Loki reads "b!=\"z\"" after drop/keep as a matcher, never as the name b and then a line filter.
namedMatcher : matcher | IDENTIFIER ;

// Label filters joined by "and", "or", "," or nothing; AstBuilder nests them as Loki's yacc parser does.
labelFilter : labelFilterAtom (labelFilterJoin? labelFilterAtom)* ;

labelFilterJoin : AND | OR | COMMA ;

labelFilterAtom
    : matcher                                                                   # stringFilter
    | IDENTIFIER op=(EQ | NEQ) IP OPEN_PARENTHESIS STRING CLOSE_PARENTHESIS     # ipFilter
    | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) DURATION           # durationFilter
    | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) BYTES              # bytesFilter
    | IDENTIFIER op=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) literalExpr        # numberFilter
    | OPEN_PARENTHESIS labelFilter CLOSE_PARENTHESIS                            # parenFilter
    ;

grouping : which=(BY | WITHOUT) OPEN_PARENTHESIS labels? CLOSE_PARENTHESIS ;

labels : IDENTIFIER (COMMA IDENTIFIER)* ;

vectorOp : SUM | AVG | COUNT | MAX | MIN | STDDEV | STDVAR | BOTTOMK | TOPK | SORT | SORT_DESC | APPROX_TOPK ;

rangeOp
    : COUNT_OVER_TIME | RATE | RATE_COUNTER | BYTES_OVER_TIME | BYTES_RATE | AVG_OVER_TIME | SUM_OVER_TIME
    | MIN_OVER_TIME | MAX_OVER_TIME | STDVAR_OVER_TIME | STDDEV_OVER_TIME | QUANTILE_OVER_TIME
    | FIRST_OVER_TIME | LAST_OVER_TIME | ABSENT_OVER_TIME
    ;
