package dev.megalite.gql.parser;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.GqlException;
import dev.megalite.gql.ast.CastFunction;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Name;
import dev.megalite.gql.ast.Position;
import dev.megalite.gql.ast.ResultPosition;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Values, names and result positions from the parse tree. */
final class ValueBuilder {
  private final GqlDialect dialect;

  ValueBuilder(GqlDialect dialect) {
    this.dialect = dialect;
  }

  Name name(GqlParser.NameContext ctx) {
    Token t = ctx.getStart();
    String text = t.getType() == GqlLexer.QUOTED_NAME ? Literals.quotedName(t, dialect) : t.getText();
    return new Name(Literals.position(t), text);
  }

  List<Name> names(GqlParser.NamesContext ctx) {
    List<Name> out = new ArrayList<>();
    for (GqlParser.NameContext n : ctx.name()) {
      out.add(name(n));
    }
    return out;
  }

  Expr operand(GqlParser.OperandContext ctx) {
    if (ctx instanceof GqlParser.ScalarOperandContext s) {
      return scalar(s.scalar());
    }
    Position at = Literals.position(ctx.getStart());
    List<GqlParser.ScalarContext> items;
    if (ctx instanceof GqlParser.ParenListOperandContext p) {
      if (dialect == GqlDialect.CLOUD) {
        throw GqlException.semantic(
            at, "a list in parentheses is App Engine GQL; Cloud GQL writes ARRAY(value, …)");
      }
      items = p.scalar();
    } else {
      items = ((GqlParser.ArrayOperandContext) ctx).scalar();
    }
    List<Expr> values = new ArrayList<>(items.size());
    for (GqlParser.ScalarContext item : items) {
      values.add(scalar(item));
    }
    return new Expr.ListExpr(at, values);
  }

  Expr scalar(GqlParser.ScalarContext ctx) {
    Token start = ctx.getStart();
    Position at = Literals.position(start);
    if (ctx instanceof GqlParser.BindingValueContext) {
      return Literals.binding(start, dialect);
    }
    if (ctx instanceof GqlParser.NumberValueContext n) {
      if (n.sign != null && n.sign.getType() == GqlLexer.PLUS && dialect == GqlDialect.APP_ENGINE) {
        throw GqlException.semantic(at, "App Engine GQL numbers take no '+' sign");
      }
      return Literals.number(at, n.sign, n.number);
    }
    if (ctx instanceof GqlParser.StringValueContext) {
      return new Expr.StringLiteral(at, Literals.string(start, dialect));
    }
    if (ctx instanceof GqlParser.TrueValueContext) {
      return new Expr.BooleanLiteral(at, true);
    }
    if (ctx instanceof GqlParser.FalseValueContext) {
      return new Expr.BooleanLiteral(at, false);
    }
    if (ctx instanceof GqlParser.NullValueContext) {
      return new Expr.NullLiteral(at);
    }
    GqlParser.CastValueContext cast = (GqlParser.CastValueContext) ctx;
    List<Expr> arguments = new ArrayList<>();
    for (GqlParser.CastArgumentContext a : cast.castArgument()) {
      arguments.add(a.scalar() != null ? scalar(a.scalar()) : name(a.name()));
    }
    return new Expr.Cast(at, castFunction(cast.castName().getStart()), arguments);
  }

  private static CastFunction castFunction(Token t) {
    return switch (t.getType()) {
      case GqlLexer.KEY -> CastFunction.KEY;
      case GqlLexer.PROJECT -> CastFunction.PROJECT;
      case GqlLexer.NAMESPACE -> CastFunction.NAMESPACE;
      case GqlLexer.BLOB -> CastFunction.BLOB;
      case GqlLexer.DATETIME -> CastFunction.DATETIME;
      case GqlLexer.DATE -> CastFunction.DATE;
      case GqlLexer.TIME -> CastFunction.TIME;
      case GqlLexer.GEOPT -> CastFunction.GEOPT;
      case GqlLexer.USER -> CastFunction.USER;
      default -> throw new IllegalStateException("not a cast: " + t.getText());
    };
  }

  ResultPosition resultPosition(GqlParser.ResultPositionContext ctx) {
    Token t = ctx.getStart();
    return t.getType() == GqlLexer.BINDING ? Literals.binding(t, dialect) : Literals.count(t);
  }
}
