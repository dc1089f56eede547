/*
 * App Engine GQL and Cloud GQL: one grammar for both. The lexer (with DialectTokenSource) only
 * produces the tokens of the dialect being read, so most dialect differences need no rule here;
 * the few that remain (OR, NOT IN, values on the left, LIMIT a, b, ...) are checked by AstBuilder
 * with a specific message.
 *
 * Every decision is LL(1), so a syntax error always happens at the first token that cannot
 * continue the query, and the expected-token set reported for it is exact.
 */
parser grammar GqlParser;

options {
  tokenVocab = GqlLexer;
}

statement
  : SELECT selectBody SEMI? EOF                                                    # selectStatement
  | AGGREGATE aggregation (COMMA aggregation)* OVER LPAREN query RPAREN SEMI? EOF  # aggregateStatement
  ;

query
  : SELECT selectBody
  ;

selectBody
  : aggregation (COMMA aggregation)* fromClause? whereClause?                                  # aggregationSelect
  | resultList fromClause? whereClause? orderClause? (limitClause | offsetClause)* hintClause?  # entitySelect
  ;

resultList
  : STAR                                                                   # allResults
  | DISTINCT (ON LPAREN names RPAREN (distinctStar=STAR | names) | names)  # distinctResults
  | names                                                                  # propertyResults
  ;

names
  : name (COMMA name)*
  ;

aggregation
  : function=COUNT LPAREN STAR RPAREN (AS alias=name)?
  | function=COUNT_UP_TO LPAREN INTEGER RPAREN (AS alias=name)?
  | function=(SUM | AVG) LPAREN name RPAREN (AS alias=name)?
  ;

fromClause
  : FROM name
  ;

whereClause
  : WHERE disjunction
  ;

disjunction
  : conjunction (OR conjunction)*
  ;

conjunction
  : condition (AND condition)*
  ;

condition
  : name predicate                    # forwardCondition
  | scalar backwardOperator name      # backwardCondition
  | ANCESTOR IS operand               # ancestorCondition
  | LPAREN disjunction RPAREN         # groupedCondition
  ;

predicate
  : comparator operand                # comparePredicate
  | IN operand                        # inPredicate
  | NOT IN operand                    # notInPredicate
  | CONTAINS operand                  # containsPredicate
  | HAS ANCESTOR operand              # hasAncestorPredicate
  | IS operand                        # isPredicate
  ;

comparator
  : EQ | NE | LT | LE | GT | GE
  ;

backwardOperator
  : comparator                        # backwardComparator
  | IN                                # backwardIn
  | HAS DESCENDANT                    # backwardHasDescendant
  ;

operand
  : scalar                                       # scalarOperand
  | LPAREN (scalar (COMMA scalar)*)? RPAREN      # parenListOperand
  | ARRAY LPAREN scalar (COMMA scalar)* RPAREN   # arrayOperand
  ;

scalar
  : BINDING                                                          # bindingValue
  | sign=(PLUS | MINUS)? number=(INTEGER | DOUBLE)                   # numberValue
  | STRING                                                           # stringValue
  | TRUE                                                             # trueValue
  | FALSE                                                            # falseValue
  | NULL                                                             # nullValue
  | castName LPAREN (castArgument (COMMA castArgument)*)? RPAREN     # castValue
  ;

castName
  : KEY | PROJECT | NAMESPACE | BLOB | DATETIME | DATE | TIME | GEOPT | USER
  ;

castArgument
  : scalar
  | name
  ;

orderClause
  : ORDER BY orderItem (COMMA orderItem)*
  ;

orderItem
  : name direction=(ASC | DESC)?
  ;

limitClause
  : LIMIT (FIRST LPAREN resultPosition COMMA resultPosition RPAREN | resultPosition (COMMA resultPosition)?)
  ;

offsetClause
  : OFFSET resultPosition (PLUS resultPosition)?
  ;

resultPosition
  : BINDING
  | INTEGER
  ;

hintClause
  : HINT hint=(ORDER_FIRST | FILTER_FIRST | ANCESTOR_FIRST)
  ;

name
  : IDENT
  | QUOTED_NAME
  ;
