package dev.megalite.gql.parser;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.GqlException;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error (no recovery: a query is never half-understood) and reports it
 * with the full set of tokens that could have come instead.
 *
 * <p>ANTLR checks optional clauses lazily: after {@code FROM Kind} the parser passes the optional
 * WHERE, ORDER BY, LIMIT … without complaint and only fails at the end of the rule, where it
 * would expect just the end of the query. So {@link #sync} remembers the first state that could
 * be skipped at the current token, and the error adds what that state expected.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
  private final GqlDialect dialect;
  private int skippedAtToken = -1;
  private int skippedState;
  private ParserRuleContext skippedContext;

  SyntaxErrorStrategy(GqlDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public void sync(Parser recognizer) {
    ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
    int la = recognizer.getInputStream().LA(1);
    IntervalSet next = recognizer.getATN().nextTokens(state);
    if (next.contains(la)) {
      return;
    }
    if (next.contains(Token.EPSILON)) {
      int index = recognizer.getCurrentToken().getTokenIndex();
      if (skippedAtToken != index) {
        skippedAtToken = index;
        skippedState = recognizer.getState();
        skippedContext = recognizer.getContext();
      }
      return;
    }
    switch (state.getStateType()) {
      case ATNState.BLOCK_START,
          ATNState.STAR_BLOCK_START,
          ATNState.PLUS_BLOCK_START,
          ATNState.STAR_LOOP_ENTRY,
          ATNState.PLUS_LOOP_BACK,
          ATNState.STAR_LOOP_BACK -> throw fail(recognizer, recognizer.getCurrentToken());
      default -> {
        // Other states check their token when they match it.
      }
    }
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    throw fail(recognizer, e.getOffendingToken());
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    throw fail(recognizer, e.getOffendingToken());
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    throw fail(recognizer, recognizer.getCurrentToken());
  }

  private GqlException fail(Parser recognizer, Token offending) {
    if (offending == null) {
      offending = recognizer.getCurrentToken();
    }
    IntervalSet expected = new IntervalSet();
    expected.addAll(recognizer.getExpectedTokens());
    if (skippedAtToken == offending.getTokenIndex()) {
      expected.addAll(recognizer.getATN().getExpectedTokens(skippedState, skippedContext));
    }
    Token after = offending.getType() == Token.EOF ? null : recognizer.getInputStream().LT(2);
    Token before = recognizer.getInputStream().LT(-1);
    return SyntaxMessages.error(before, offending, after, expected, dialect);
  }
}
