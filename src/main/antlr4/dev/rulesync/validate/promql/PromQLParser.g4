/*
 * PromQL syntax, written from Prometheus' yacc grammar (promql/parser/generated_parser.y, v0.316) as the
 * specification. Only the shape is checked here; what Prometheus checks in grammar actions and in checkAST
 * (names, ranges, offsets, types, arity) lives in AstBuilder and TypeChecker, so that messages and positions can
 * follow Prometheus.
 *
 * Precedence, lowest first, as in the yacc grammar: or; and unless; comparisons and </ >/; + -;
 * * / % atan2; unary + -; ^ (right-associative); postfix modifiers (offset, @, anchored, smoothed, [range],
 * [range:step]). ANTLR gives earlier alternatives of a left-recursive rule higher precedence.
 */
parser grammar PromQLParser;

options { tokenVocab = PromQLLexer; superClass = dev.rulesync.validate.DepthLimitedParser; }

expression : expr EOF ;

expr
    : expr LEFT_BRACKET durationExpr RIGHT_BRACKET                                   # MatrixExpr
    | expr LEFT_BRACKET range=durationExpr COLON step=durationExpr? RIGHT_BRACKET    # SubqueryExpr
    | expr OFFSET offsetDuration                                                     # OffsetExpr
    | expr AT atModifier                                                             # AtExpr
    | expr ANCHORED                                                                  # AnchoredExpr
    | expr SMOOTHED                                                                  # SmoothedExpr
    | <assoc=right> expr op=POW binModifiers expr                                    # BinaryExpr
    | op=(ADD | SUB) expr                                                            # UnaryExpr
    | expr op=(MUL | DIV | MOD | ATAN2) binModifiers expr                            # BinaryExpr
    | expr op=(ADD | SUB) binModifiers expr                                          # BinaryExpr
    | expr op=(EQLC | NEQ | LTE | LSS | GTE | GTR | TRIM_UPPER | TRIM_LOWER) binModifiers expr # BinaryExpr
    | expr op=(LAND | LUNLESS) binModifiers expr                                     # BinaryExpr
    | expr op=LOR binModifiers expr                                                  # BinaryExpr
    | aggregateOp grouping callBody                                                  # AggregateExpr
    | aggregateOp callBody grouping?                                                 # AggregateExpr
    | functionName callBody                                                          # CallExpr
    | LEFT_PAREN expr RIGHT_PAREN                                                    # ParenExpr
    | vectorSelector                                                                 # SelectorExpr
    | (NUMBER | DURATION)                                                            # NumberExpr
    | STRING                                                                         # StringExpr
    ;

// Everything between an operator and its right operand: bool, on/ignoring, group_left/right, fill*.
binModifiers
    : BOOL? (matching=(ON | IGNORING) groupingLabels (card=(GROUP_LEFT | GROUP_RIGHT) include=groupingLabels?)?)?
      fillModifiers?
    ;

fillModifiers
    : FILL fillValue
    | FILL_LEFT left=fillValue (FILL_RIGHT right=fillValue)?
    | FILL_RIGHT right=fillValue (FILL_LEFT left=fillValue)?
    ;

fillValue : LEFT_PAREN sign=(ADD | SUB)? (NUMBER | DURATION) RIGHT_PAREN ;

grouping : (BY | WITHOUT) groupingLabels ;

groupingLabels : LEFT_PAREN (groupingLabel (COMMA groupingLabel)* COMMA?)? RIGHT_PAREN ;

groupingLabel : labelKeyword | IDENTIFIER | METRIC_IDENTIFIER | STRING ;

callBody : LEFT_PAREN (expr (COMMA expr)* trailing=COMMA?)? RIGHT_PAREN ;

aggregateOp
    : SUM | AVG | COUNT | MIN | MAX | GROUP | STDDEV | STDVAR | TOPK | BOTTOMK | COUNT_VALUES | QUANTILE
    | LIMITK | LIMIT_RATIO
    ;

functionName : IDENTIFIER | START | END | STEP | RANGE | MAX_OF | MIN_OF ;

vectorSelector
    : metricName labelMatchers?
    | labelMatchers
    ;

// Keywords that Prometheus also accepts as a metric name (metric_identifier in the yacc grammar).
metricName
    : IDENTIFIER | METRIC_IDENTIFIER | AVG | BOTTOMK | BY | COUNT | COUNT_VALUES | FILL | FILL_LEFT | FILL_RIGHT
    | GROUP | LAND | LOR | LUNLESS | MAX | MIN | OFFSET | QUANTILE | STDDEV | STDVAR | SUM | TOPK | WITHOUT
    | START | END | LIMITK | LIMIT_RATIO | STEP | RANGE | ANCHORED | SMOOTHED | MAX_OF | MIN_OF
    ;

// Keywords that Prometheus also accepts as a grouping label (maybe_label, less IDENTIFIER/METRIC_IDENTIFIER).
labelKeyword
    : AVG | BOOL | BOTTOMK | BY | COUNT | COUNT_VALUES | GROUP | GROUP_LEFT | GROUP_RIGHT | FILL | FILL_LEFT
    | FILL_RIGHT | IGNORING | LAND | LOR | LUNLESS | MAX | MIN | OFFSET | ON | QUANTILE | STDDEV | STDVAR | SUM
    | TOPK | START | END | ATAN2 | LIMITK | LIMIT_RATIO | STEP | RANGE | ANCHORED | SMOOTHED | MAX_OF | MIN_OF
    ;

labelMatchers : LEFT_BRACE (labelMatcher (COMMA labelMatcher)* COMMA?)? RIGHT_BRACE ;

labelMatcher
    : name=(IDENTIFIER | STRING) op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX) value=STRING
    | name=STRING
    ;

atModifier
    : sign=(ADD | SUB)? (NUMBER | DURATION)
    | (START | END) LEFT_PAREN RIGHT_PAREN
    ;

// What may follow 'offset'. A literal, step(), range(), min_of/max_of(...) or sign-(...), each with at most one
// sign, is one term: 'foo offset 1m + 1m' adds 1m to the selector. Anything else ('(5m) + 1m', '- -5m + 1m') is a
// whole duration expression. The yacc grammar gets this from reduce/reduce conflicts resolved in favour of the
// offset_duration_expr rules; here the earlier alternative wins the same ambiguity.
offsetDuration
    : sign=(ADD | SUB)? (NUMBER | DURATION)                                          # OffsetLiteral
    | sign=(ADD | SUB)? (STEP | RANGE) LEFT_PAREN RIGHT_PAREN                        # OffsetStepOrRange
    | sign=(ADD | SUB)? (MAX_OF | MIN_OF) LEFT_PAREN durationExpr COMMA durationExpr RIGHT_PAREN # OffsetMinMax
    | sign=(ADD | SUB) LEFT_PAREN durationExpr RIGHT_PAREN                           # OffsetParen
    | durationExpr                                                                   # OffsetDurationExpr
    ;

// Duration arithmetic inside [...] and offset (...).
durationExpr
    : <assoc=right> durationExpr op=POW durationExpr                                 # DurBinary
    | op=(ADD | SUB) durationExpr                                                    # DurUnary
    | durationExpr op=(MUL | DIV | MOD) durationExpr                                 # DurBinary
    | durationExpr op=(ADD | SUB) durationExpr                                       # DurBinary
    | (NUMBER | DURATION)                                                            # DurLiteral
    | (STEP | RANGE) LEFT_PAREN RIGHT_PAREN                                          # DurStepOrRange
    | (MAX_OF | MIN_OF) LEFT_PAREN durationExpr COMMA durationExpr RIGHT_PAREN       # DurMinMax
    | LEFT_PAREN durationExpr RIGHT_PAREN                                            # DurParen
    ;
