/*
 * Tokens of App Engine GQL and Cloud GQL. Keywords are case-insensitive, names are not.
 *
 * Where the two dialects read the same characters differently (strings, quoted names, binding
 * sites, ';'), a predicate on the 'cloud' flag picks the dialect's rule. Predicates sit at the
 * right edge of their rules: a predicate at the left edge would stop the lexer from caching its
 * DFA for every token (about 100 times slower). Which words are keywords
 * in which dialect is decided after lexing, by DialectTokenSource, so that a word that is not a
 * keyword of the dialect reads as a plain name.
 *
 * Token types are numbered in the order the rules appear; syntax errors list the expected tokens
 * in that order, so keep the rules in roughly the order a query uses them.
 */
lexer grammar GqlLexer;

options {
  caseInsensitive = true;
}

tokens {
  STRING,
  QUOTED_NAME,
  BINDING,
  UNTERMINATED
}

@members {
/** True for Cloud GQL, false for App Engine GQL; set before the first token is read. */
boolean cloud;
}

SELECT : 'select';
AGGREGATE : 'aggregate';
DISTINCT : 'distinct';
ON : 'on';
COUNT : 'count';
COUNT_UP_TO : 'count_up_to';
SUM : 'sum';
AVG : 'avg';
AS : 'as';
OVER : 'over';
FROM : 'from';
WHERE : 'where';

EQ : '=';
NE : '!=';
LT : '<';
LE : '<=';
GT : '>';
GE : '>=';
IN : 'in';
NOT : 'not';
CONTAINS : 'contains';
HAS : 'has';
DESCENDANT : 'descendant';
IS : 'is';
ANCESTOR : 'ancestor';
AND : 'and';
OR : 'or';

ORDER : 'order';
BY : 'by';
ASC : 'asc';
DESC : 'desc';
GROUP : 'group';
LIMIT : 'limit';
FIRST : 'first';
OFFSET : 'offset';
HINT : 'hint';
ORDER_FIRST : 'order_first';
FILTER_FIRST : 'filter_first';
ANCESTOR_FIRST : 'ancestor_first';

NULL : 'null';
TRUE : 'true';
FALSE : 'false';
KEY : 'key';
PROJECT : 'project';
NAMESPACE : 'namespace';
ARRAY : 'array';
BLOB : 'blob';
DATETIME : 'datetime';
DATE : 'date';
TIME : 'time';
GEOPT : 'geopt';
USER : 'user';

LPAREN : '(';
RPAREN : ')';
COMMA : ',';
STAR : '*';
PLUS : '+';
MINUS : '-';
SEMI : ';' {!cloud}?;

INTEGER : DIGIT+;
DOUBLE
  : DIGIT+ '.' DIGIT* EXPONENT?
  | '.' DIGIT+ EXPONENT?
  | DIGIT+ EXPONENT
  ;

// App Engine: (?:'[^'\n\r]*')+ -- a quote is escaped by doubling it; a backslash is a backslash.
APP_ENGINE_STRING : '\'' ~['\r\n]* '\'' ('\'' ~['\r\n]* '\'')* {!cloud}? -> type(STRING);
// Cloud: '...' or "..." with backslash escapes.
CLOUD_STRING
  : ('\'' (~['\\] | '\\' .)* '\'' | '"' (~["\\] | '\\' .)* '"') {cloud}? -> type(STRING)
  ;
// App Engine: (?:"[^"\s]+")+ -- a double-quoted name, "" escaping a double quote.
APP_ENGINE_QUOTED_NAME
  : '"' ~["\t\n\r\f ]+ '"' ('"' ~["\t\n\r\f ]+ '"')* {!cloud}? -> type(QUOTED_NAME)
  ;
// Cloud: a backquoted name with the string escapes.
CLOUD_QUOTED_NAME : '`' (~[`\\] | '\\' .)* '`' {cloud}? -> type(QUOTED_NAME);

APP_ENGINE_BINDING : ':' NAME_CHAR+ {!cloud}? -> type(BINDING);
CLOUD_BINDING : '@' NAME_CHAR+ {cloud}? -> type(BINDING);
// The other dialect's binding sites, so that errors can name them whole.
FOREIGN_BINDING : [:@] NAME_CHAR+;

IDENT : NAME_START NAME_CHAR* ('.' NAME_CHAR+)*;

WS : [ \t\r\n\f]+ -> channel(HIDDEN);

// A quote that is never closed (always shorter than a closed string, so it only wins then).
APP_ENGINE_UNTERMINATED : ['"] ~['"\r\n]* {!cloud}? -> type(UNTERMINATED);
CLOUD_UNTERMINATED : ['"`] (~['"`\\] | '\\' .)* {cloud}? -> type(UNTERMINATED);
ERROR_CHAR : .;

fragment DIGIT : [0-9];
fragment EXPONENT : 'e' [+-]? DIGIT+;
fragment NAME_START : [a-z_$\u0080-\u{10FFFF}];
fragment NAME_CHAR : [a-z0-9_$\u0080-\u{10FFFF}];
