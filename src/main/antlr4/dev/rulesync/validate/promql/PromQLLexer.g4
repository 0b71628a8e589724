/*
 * PromQL tokens, written from the behaviour of Prometheus' hand-written lexer (promql/parser/lex.go, v0.316).
 *
 * Prometheus lexes in three states, which become three ANTLR modes here:
 *  - statements (DEFAULT_MODE): operators, numbers, durations, strings, keywords and names;
 *  - inside {...} (BRACES): only label names (no keywords, no colons), strings and matching operators;
 *  - inside [...] (BRACKETS): only what a range, subquery step or duration expression may hold.
 * Keywords are case-insensitive; they are also valid metric and label names, which the parser handles.
 * Characters no rule accepts become *_ERROR tokens so the parser can report them with Prometheus' wording.
 */
lexer grammar PromQLLexer;

// Closing '}' and ']' are real tokens only inside their modes; outside they are STRAY_* (an error).
tokens { RIGHT_BRACE, RIGHT_BRACKET }

@members {
    /**
     * Prometheus lexes a bracket with its duration-expression state only until the first number or duration;
     * after that its statement state takes over, which also skips comments. So '#' is a comment inside [...]
     * only after a number.
     */
    private boolean bracketSawNumber;

    /** fill, fill_left and fill_right are keywords only when a '(' follows (after optional spaces), as in lex.go. */
    private boolean followedByLeftParen() {
        for (int i = 1; ; i++) {
            int c = _input.LA(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
            return c == '(';
        }
    }
}

WS      : [ \t\r\n]+ -> skip ;
COMMENT : '#' ~[\r\n]* -> skip ;

COMMA         : ',' ;
LEFT_PAREN    : '(' ;
RIGHT_PAREN   : ')' ;
LEFT_BRACE    : '{' -> pushMode(BRACES) ;
LEFT_BRACKET  : '[' {bracketSawNumber = false;} -> pushMode(BRACKETS) ;
STRAY_RIGHT_BRACE   : '}' ;
STRAY_RIGHT_BRACKET : ']' ;
AT            : '@' ;

ADD        : '+' ;
SUB        : '-' ;
MUL        : '*' ;
DIV        : '/' ;
MOD        : '%' ;
POW        : '^' ;
EQLC       : '==' ;
NEQ        : '!=' ;
LTE        : '<=' ;
TRIM_UPPER : '</' ;
LSS        : '<' ;
GTE        : '>=' ;
TRIM_LOWER : '>/' ;
GTR        : '>' ;
EQL        : '=' ;

// Keywords (case-insensitive). Order matters only against IDENTIFIER, which comes after them.
LAND         options { caseInsensitive = true; } : 'and' ;
LOR          options { caseInsensitive = true; } : 'or' ;
LUNLESS      options { caseInsensitive = true; } : 'unless' ;
ATAN2        options { caseInsensitive = true; } : 'atan2' ;
SUM          options { caseInsensitive = true; } : 'sum' ;
AVG          options { caseInsensitive = true; } : 'avg' ;
COUNT        options { caseInsensitive = true; } : 'count' ;
MIN          options { caseInsensitive = true; } : 'min' ;
MAX          options { caseInsensitive = true; } : 'max' ;
GROUP        options { caseInsensitive = true; } : 'group' ;
STDDEV       options { caseInsensitive = true; } : 'stddev' ;
STDVAR       options { caseInsensitive = true; } : 'stdvar' ;
TOPK         options { caseInsensitive = true; } : 'topk' ;
BOTTOMK      options { caseInsensitive = true; } : 'bottomk' ;
COUNT_VALUES options { caseInsensitive = true; } : 'count_values' ;
QUANTILE     options { caseInsensitive = true; } : 'quantile' ;
LIMITK       options { caseInsensitive = true; } : 'limitk' ;
LIMIT_RATIO  options { caseInsensitive = true; } : 'limit_ratio' ;
OFFSET       options { caseInsensitive = true; } : 'offset' ;
SMOOTHED     options { caseInsensitive = true; } : 'smoothed' ;
ANCHORED     options { caseInsensitive = true; } : 'anchored' ;
BY           options { caseInsensitive = true; } : 'by' ;
WITHOUT      options { caseInsensitive = true; } : 'without' ;
ON           options { caseInsensitive = true; } : 'on' ;
IGNORING     options { caseInsensitive = true; } : 'ignoring' ;
GROUP_LEFT   options { caseInsensitive = true; } : 'group_left' ;
GROUP_RIGHT  options { caseInsensitive = true; } : 'group_right' ;
FILL         options { caseInsensitive = true; } : 'fill' {followedByLeftParen()}? ;
FILL_LEFT    options { caseInsensitive = true; } : 'fill_left' {followedByLeftParen()}? ;
FILL_RIGHT   options { caseInsensitive = true; } : 'fill_right' {followedByLeftParen()}? ;
BOOL         options { caseInsensitive = true; } : 'bool' ;
START        options { caseInsensitive = true; } : 'start' ;
END          options { caseInsensitive = true; } : 'end' ;
STEP         options { caseInsensitive = true; } : 'step' ;
RANGE        options { caseInsensitive = true; } : 'range' ;
MAX_OF       options { caseInsensitive = true; } : 'max_of' ;
MIN_OF       options { caseInsensitive = true; } : 'min_of' ;

NUMBER   : NUMBER_BODY | INF_NAN ;
DURATION : DURATION_BODY ;
// A number or duration run into letters, digits or dots ('1e', '1.2.3', '5min'): Prometheus' lexer rejects the
// whole run, so we lex it as one error token. Valid forms above win ties because they come first.
BAD_NUMBER : BAD_NUMBER_BODY ;

STRING : DQ_STRING | SQ_STRING | RAW_STRING ;
UNTERMINATED_STRING : DQ_OPEN | SQ_OPEN | RAW_OPEN ;

IDENTIFIER        : [a-zA-Z_] [a-zA-Z0-9_]* ;
METRIC_IDENTIFIER : [a-zA-Z_:] [a-zA-Z0-9_:]* ;

ERROR_CHAR : . ;

fragment DIGIT      : [0-9] ;
fragment HEX        : [0-9a-fA-F] ;
fragment DEC        : DIGIT ('_'? DIGIT)* ;
fragment EXP        : [eE] [+-]? DEC ;
fragment NUMBER_BODY
    : '0' [xX] '_'? HEX ('_'? HEX)*
    | DEC ('.' DEC?)? EXP?
    | '.' DEC EXP?
    ;
fragment BAD_NUMBER_BODY : ([0-9] | '.' [0-9]) [0-9a-zA-Z_.]* ;
fragment INF_NAN options { caseInsensitive = true; } : 'inf' | 'nan' ;
// Units are checked (order, repetition, range) by the parser, as Prometheus' ParseDuration does.
fragment DURATION_BODY : DIGIT+ [smhdwy] 's'? (DIGIT+ [smhdw] 's'?)* ;
fragment DQ_STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
fragment SQ_STRING  : '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\'' ;
fragment RAW_STRING : '`' ~'`'* '`' ;
fragment DQ_OPEN    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? ;
fragment SQ_OPEN    : '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\\'? ;
fragment RAW_OPEN   : '`' ~'`'* ;

mode BRACES;
B_WS          : [ \t\r\n]+ -> skip ;
B_COMMENT     : '#' ~[\r\n]* -> skip ;
B_IDENTIFIER  : [a-zA-Z_] [a-zA-Z0-9_]* -> type(IDENTIFIER) ;
B_STRING      : (DQ_STRING | SQ_STRING | RAW_STRING) -> type(STRING) ;
B_UNTERMINATED: (DQ_OPEN | SQ_OPEN | RAW_OPEN) -> type(UNTERMINATED_STRING) ;
B_COMMA       : ',' -> type(COMMA) ;
EQL_REGEX     : '=~' ;
NEQ_REGEX     : '!~' ;
B_NEQ         : '!=' -> type(NEQ) ;
B_EQL         : '=' -> type(EQL) ;
B_RIGHT_BRACE : '}' -> type(RIGHT_BRACE), popMode ;
BRACE_ERROR_CHAR : . ;

mode BRACKETS;
D_WS            : [ \t\r\n]+ -> skip ;
// The predicate sits at the right edge: at the start it would be evaluated for every token in this mode and
// keep ANTLR from caching the mode's DFA start state.
D_COMMENT       : '#' ~[\r\n]* {bracketSawNumber}? -> skip ;
COLON           : ':' ;
D_COMMA         : ',' -> type(COMMA) ;
D_LEFT_PAREN    : '(' -> type(LEFT_PAREN) ;
D_RIGHT_PAREN   : ')' -> type(RIGHT_PAREN) ;
D_ADD           : '+' -> type(ADD) ;
D_SUB           : '-' -> type(SUB) ;
D_MUL           : '*' -> type(MUL) ;
D_DIV           : '/' -> type(DIV) ;
D_MOD           : '%' -> type(MOD) ;
D_POW           : '^' -> type(POW) ;
D_STEP   options { caseInsensitive = true; } : 'step' -> type(STEP) ;
D_RANGE  options { caseInsensitive = true; } : 'range' -> type(RANGE) ;
D_MAX_OF options { caseInsensitive = true; } : 'max_of' -> type(MAX_OF) ;
D_MIN_OF options { caseInsensitive = true; } : 'min_of' -> type(MIN_OF) ;
D_NUMBER        : NUMBER_BODY {bracketSawNumber = true;} -> type(NUMBER) ;
D_DURATION      : DURATION_BODY {bracketSawNumber = true;} -> type(DURATION) ;
D_BAD_NUMBER    : BAD_NUMBER_BODY -> type(BAD_NUMBER) ;
D_RIGHT_BRACKET : ']' -> type(RIGHT_BRACKET), popMode ;
BRACKET_ERROR_CHAR : . ;
