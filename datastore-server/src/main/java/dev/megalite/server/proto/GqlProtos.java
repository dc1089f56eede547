package dev.megalite.server.proto;

import com.google.datastore.v1.GqlQuery;
import com.google.datastore.v1.GqlQueryParameter;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.GqlDialect;
import dev.megalite.gql.BoundGql;
import dev.megalite.gql.Gql;
import dev.megalite.gql.GqlBindings;
import java.util.Map;

/** Binds a v1 {@code GqlQuery} (Cloud Datastore's GQL dialect) to a query of the api. */
public final class GqlProtos {
  private GqlProtos() {}

  public static BoundGql bind(GqlQuery pb, Partition partition) {
    GqlBindings.Builder b = GqlBindings.newBuilder().allowLiterals(pb.getAllowLiterals());
    int i = 0;
    for (GqlQueryParameter p : pb.getPositionalBindingsList()) {
      i++;
      b.add(parameter(p, partition, "@" + i));
    }
    for (Map.Entry<String, GqlQueryParameter> e : pb.getNamedBindingsMap().entrySet()) {
      b.set(e.getKey(), parameter(e.getValue(), partition, "@" + e.getKey()));
    }
    return Gql.parse(pb.getQueryString(), GqlDialect.CLOUD)
        .bind(b.build(), partition.project(), partition.namespace());
  }

  private static Object parameter(GqlQueryParameter p, Partition partition, String name) {
    return p.getParameterTypeCase() == GqlQueryParameter.ParameterTypeCase.CURSOR
        ? Cursor.of(p.getCursor().toByteArray())
        : EntityProtos.value(p.getValue(), partition, name, false);
  }
}
