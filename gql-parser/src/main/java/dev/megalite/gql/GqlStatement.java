package dev.megalite.gql;

import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.ast.AggregateStatement;
import dev.megalite.gql.ast.Expr;
import dev.megalite.gql.ast.Position;
import dev.megalite.gql.ast.Statement;
import dev.megalite.gql.format.GqlFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed and checked GQL statement: a prepared statement that can be bound any number of times,
 * from any thread. Immutable.
 */
public final class GqlStatement {
  /** Where casts of literals are tried at parse time; their real project comes with each bind. */
  private static final String CHECK_PROJECT = "gql-check";

  private final String text;
  private final GqlDialect dialect;
  private final Statement ast;
  private final BindingSites sites;

  GqlStatement(String text, GqlDialect dialect, Statement ast) {
    this.text = text;
    this.dialect = dialect;
    this.ast = ast;
    this.sites = BindingSites.of(ast);
    checkLiteralCasts();
  }

  /** Casts with no binding sites in them fail now, not at every bind. */
  private void checkLiteralCasts() {
    Values values = new Values(new Arguments(GqlBindings.none(), dialect), dialect, CHECK_PROJECT, "");
    for (Expr.Cast cast : sites.casts) {
      if (!hasBinding(cast)) {
        values.resolve(cast, false);
      }
    }
  }

  private static boolean hasBinding(Expr e) {
    if (e instanceof Expr.Binding) {
      return true;
    }
    if (e instanceof Expr.Cast c) {
      return c.arguments().stream().anyMatch(GqlStatement::hasBinding);
    }
    return false;
  }

  /** The text as given. */
  public String text() {
    return text;
  }

  public GqlDialect dialect() {
    return dialect;
  }

  /** The syntax tree. */
  public Statement ast() {
    return ast;
  }

  /** Whether binding gives an {@link BoundGql.Aggregate} rather than a {@link BoundGql.Select}. */
  public boolean isAggregation() {
    return ast instanceof AggregateStatement;
  }

  /** The positional binding sites used, 1-based, ascending. */
  public Set<Integer> positionalSites() {
    return Collections.unmodifiableSet(sites.positional);
  }

  /** The named binding sites used, in text order. */
  public Set<String> namedSites() {
    Set<String> names = new LinkedHashSet<>();
    for (Expr.Binding b : sites.sites) {
      if (b instanceof Expr.NamedBinding n) {
        names.add(n.name());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /** The canonical text of this statement in its dialect. */
  public String format() {
    return GqlFormatter.format(ast, dialect);
  }

  /**
   * Binds arguments: every binding site must have its argument, every positional argument must
   * be used, and literals must be allowed if there are any. Nothing is built until all of that
   * holds.
   *
   * @param project the project of KEY() literals that give no PROJECT()
   * @param namespace the query's namespace and that of KEY() literals without NAMESPACE(); null
   *     for the default namespace
   * @throws GqlException with the position of the site or value at fault
   */
  public BoundGql bind(GqlBindings bindings, String project, String namespace) {
    checkArguments(bindings);
    Values values = new Values(new Arguments(bindings, dialect), dialect, project, namespace);
    return new Binder(values, namespace).bind(ast);
  }

  /** {@link #bind(GqlBindings, String, String)} in the default namespace. */
  public BoundGql bind(GqlBindings bindings, String project) {
    return bind(bindings, project, null);
  }

  private void checkArguments(GqlBindings bindings) {
    if (!bindings.allowLiterals() && sites.firstLiteral != null) {
      Expr literal = sites.firstLiteral;
      throw GqlException.semantic(
          literal.position(),
          "literal " + GqlFormatter.expression(literal, dialect)
              + " is not allowed: bind the value instead (literals are disallowed)");
    }
    String sigil = dialect == GqlDialect.CLOUD ? "@" : ":";
    int given = bindings.positional().size();
    for (Expr.Binding site : sites.sites) {
      if (site instanceof Expr.PositionalBinding p && p.index() > given) {
        throw GqlException.semantic(
            p.position(),
            "missing argument for binding " + sigil + p.index() + ": requires argument #" + p.index()
                + ", but only " + given + (given == 1 ? " was" : " were") + " given");
      }
      if (site instanceof Expr.NamedBinding n && !bindings.named().containsKey(n.name())) {
        throw GqlException.semantic(
            n.position(), "missing argument for named binding " + sigil + n.name());
      }
    }
    List<Integer> unused = new ArrayList<>();
    for (int i = 1; i <= given; i++) {
      if (!sites.positional.contains(i)) {
        unused.add(i);
      }
    }
    if (!unused.isEmpty()) {
      Position at = ast.position();
      throw GqlException.semantic(
          at,
          "unused positional arguments " + unused + ": every positional argument must have a "
              + sigil + "n binding site");
    }
  }

  @Override
  public String toString() {
    return dialect + " " + format();
  }
}
