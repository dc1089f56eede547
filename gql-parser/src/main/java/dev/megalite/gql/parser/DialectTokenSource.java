package dev.megalite.gql.parser;

import dev.megalite.api.query.GqlDialect;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.WritableToken;

/**
 * The lexer's tokens as one dialect reads them: a word that is a keyword only in the other dialect
 * becomes a plain name ({@code COUNT} is a name in App Engine GQL, {@code USER} in Cloud GQL). App
 * Engine's cast names ({@code KEY}, {@code DATETIME}, …) are keywords only right before {@code (},
 * as App Engine's own tokenizer has it, so {@code WHERE date = DATE(2020, 1, 1)} reads.
 */
final class DialectTokenSource implements TokenSource {

  /** Words that are keywords of App Engine GQL only. */
  static final BitSet APP_ENGINE_ONLY =
      bits(
          GqlLexer.HINT,
          GqlLexer.ORDER_FIRST,
          GqlLexer.FILTER_FIRST,
          GqlLexer.ANCESTOR_FIRST,
          GqlLexer.DATE,
          GqlLexer.TIME,
          GqlLexer.GEOPT,
          GqlLexer.USER,
          GqlLexer.GROUP);

  /** Words that are keywords of Cloud GQL only. */
  static final BitSet CLOUD_ONLY =
      bits(
          GqlLexer.AGGREGATE,
          GqlLexer.ON,
          GqlLexer.COUNT,
          GqlLexer.COUNT_UP_TO,
          GqlLexer.SUM,
          GqlLexer.AVG,
          GqlLexer.AS,
          GqlLexer.OVER,
          GqlLexer.CONTAINS,
          GqlLexer.HAS,
          GqlLexer.DESCENDANT,
          GqlLexer.FIRST,
          GqlLexer.PROJECT,
          GqlLexer.NAMESPACE,
          GqlLexer.ARRAY,
          GqlLexer.BLOB);

  private static final BitSet APP_ENGINE_CASTS =
      bits(
          GqlLexer.KEY,
          GqlLexer.DATETIME,
          GqlLexer.DATE,
          GqlLexer.TIME,
          GqlLexer.GEOPT,
          GqlLexer.USER);

  private final TokenSource lexer;
  private final boolean cloud;
  private final Deque<Token> lookahead = new ArrayDeque<>();

  DialectTokenSource(TokenSource lexer, GqlDialect dialect) {
    this.lexer = lexer;
    this.cloud = dialect == GqlDialect.CLOUD;
  }

  static BitSet bits(int... types) {
    BitSet set = new BitSet();
    for (int t : types) {
      set.set(t);
    }
    return set;
  }

  @Override
  public Token nextToken() {
    Token t = lookahead.isEmpty() ? lexer.nextToken() : lookahead.removeFirst();
    int type = t.getType();
    if (type <= 0) {
      return t;
    }
    boolean name =
        cloud
            ? APP_ENGINE_ONLY.get(type)
            : CLOUD_ONLY.get(type) || APP_ENGINE_CASTS.get(type) && !nextIsOpenParen();
    if (name) {
      ((WritableToken) t).setType(GqlLexer.IDENT);
    }
    return t;
  }

  private boolean nextIsOpenParen() {
    for (Token t : lookahead) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t.getType() == GqlLexer.LPAREN;
      }
    }
    while (true) {
      Token t = lexer.nextToken();
      lookahead.addLast(t);
      if (t.getChannel() == Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) {
        return t.getType() == GqlLexer.LPAREN;
      }
    }
  }

  @Override
  public int getLine() {
    return lookahead.isEmpty() ? lexer.getLine() : lookahead.peekFirst().getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return lookahead.isEmpty()
        ? lexer.getCharPositionInLine()
        : lookahead.peekFirst().getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    lexer.setTokenFactory(factory);
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
