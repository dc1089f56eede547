package dev.megalite.server.proto;

import com.google.datastore.v1.KindExpression;
import com.google.datastore.v1.PropertyOrder;
import com.google.datastore.v1.PropertyReference;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Aggregation;
import dev.megalite.api.query.AggregationQuery;
import dev.megalite.api.query.CompositeFilter;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Filter;
import dev.megalite.api.query.Operator;
import dev.megalite.api.query.PropertyFilter;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts structured queries and aggregation queries between {@code google.datastore.v1} and the
 * Megalite api, in both directions (the other one answers a GQL query with its parsed form, which
 * clients continue from).
 */
public final class QueryProtos {
  private QueryProtos() {}

  public static Query query(com.google.datastore.v1.Query pb, Partition partition) {
    if (pb.hasFindNearest()) {
      throw new BadRequestException("find_nearest (vector search) is not supported by Megalite");
    }
    Query.Builder b = Query.newBuilder().namespace(partition.namespace());
    if (pb.getKindCount() > 1) {
      throw new BadRequestException(
          "a query may name at most one kind; this one names " + pb.getKindCount());
    }
    if (pb.getKindCount() == 1) {
      b.kind(pb.getKind(0).getName());
    }
    List<String> projected = new ArrayList<>();
    for (com.google.datastore.v1.Projection p : pb.getProjectionList()) {
      projected.add(p.getProperty().getName());
    }
    if (projected.size() == 1 && projected.get(0).equals(Filter.KEY_PROPERTY)) {
      b.keysOnly();
    } else if (!projected.isEmpty()) {
      b.projection(projected.toArray(String[]::new));
    }
    if (pb.hasFilter()) {
      Filter f = filter(pb.getFilter(), partition, b);
      if (f != null) {
        b.filter(f);
      }
    }
    for (PropertyOrder o : pb.getOrderList()) {
      String p = o.getProperty().getName();
      b.orderBy(o.getDirection() == PropertyOrder.Direction.DESCENDING
          ? SortOrder.desc(p)
          : SortOrder.asc(p));
    }
    if (pb.getDistinctOnCount() > 0) {
      b.distinctOn(pb.getDistinctOnList().stream()
          .map(PropertyReference::getName).toArray(String[]::new));
    }
    if (!pb.getStartCursor().isEmpty()) {
      b.startCursor(Cursor.of(pb.getStartCursor().toByteArray()));
    }
    if (!pb.getEndCursor().isEmpty()) {
      b.endCursor(Cursor.of(pb.getEndCursor().toByteArray()));
    }
    if (pb.getOffset() < 0) {
      throw new BadRequestException("query offset " + pb.getOffset() + " is negative");
    }
    b.offset(pb.getOffset());
    if (pb.hasLimit()) {
      if (pb.getLimit().getValue() < 0) {
        throw new BadRequestException("query limit " + pb.getLimit().getValue() + " is negative");
      }
      b.limit(pb.getLimit().getValue());
    }
    return b.build();
  }

  /** The filter, with HAS_ANCESTOR moved into {@code b}'s ancestor; null when nothing is left. */
  private static Filter filter(
      com.google.datastore.v1.Filter pb, Partition partition, Query.Builder b) {
    switch (pb.getFilterTypeCase()) {
      case COMPOSITE_FILTER -> {
        com.google.datastore.v1.CompositeFilter c = pb.getCompositeFilter();
        CompositeFilter.Op op = switch (c.getOp()) {
          case AND -> CompositeFilter.Op.AND;
          case OR -> CompositeFilter.Op.OR;
          default -> throw new BadRequestException(
              "composite filter operator " + c.getOp() + " is not AND or OR");
        };
        List<Filter> parts = new ArrayList<>();
        for (com.google.datastore.v1.Filter f : c.getFiltersList()) {
          if (op == CompositeFilter.Op.OR && f.hasPropertyFilter() && f.getPropertyFilter().getOp()
              == com.google.datastore.v1.PropertyFilter.Operator.HAS_ANCESTOR) {
            throw new BadRequestException("HAS_ANCESTOR cannot be used inside an OR filter");
          }
          Filter part = filter(f, partition, b);
          if (part != null) {
            parts.add(part);
          }
        }
        if (parts.isEmpty()) {
          return null;
        }
        return parts.size() == 1 ? parts.get(0) : CompositeFilter.of(op, parts);
      }
      case PROPERTY_FILTER -> {
        return propertyFilter(pb.getPropertyFilter(), partition, b);
      }
      default -> {
        return null;
      }
    }
  }

  private static Filter propertyFilter(
      com.google.datastore.v1.PropertyFilter pf, Partition partition, Query.Builder b) {
    String property = pf.getProperty().getName();
    Value value = EntityProtos.value(pf.getValue(), partition, property, false);
    if (pf.getOp() == com.google.datastore.v1.PropertyFilter.Operator.HAS_ANCESTOR) {
      if (!property.equals(Filter.KEY_PROPERTY) || !(value instanceof KeyValue k)) {
        throw new BadRequestException("HAS_ANCESTOR needs the property __key__ and a key value");
      }
      b.ancestor(k.value());
      return null;
    }
    Operator op = switch (pf.getOp()) {
      case EQUAL -> Operator.EQUAL;
      case LESS_THAN -> Operator.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
      case NOT_EQUAL -> Operator.NOT_EQUAL;
      case IN -> Operator.IN;
      case NOT_IN -> Operator.NOT_IN;
      default -> throw new BadRequestException(
          "property filter on '" + property + "' has no valid operator (" + pf.getOp() + ")");
    };
    return PropertyFilter.of(property, op, value);
  }

  public static AggregationQuery aggregation(
      com.google.datastore.v1.AggregationQuery pb, Partition partition) {
    if (!pb.hasNestedQuery()) {
      throw new BadRequestException("an aggregation query needs a nested query");
    }
    Query q = query(pb.getNestedQuery(), partition);
    List<Aggregation> aggs = new ArrayList<>();
    int n = 0;
    for (com.google.datastore.v1.AggregationQuery.Aggregation a : pb.getAggregationsList()) {
      n++;
      Aggregation agg = switch (a.getOperatorCase()) {
        case COUNT -> a.getCount().hasUpTo()
            ? Aggregation.countUpTo(a.getCount().getUpTo().getValue())
            : Aggregation.count();
        case SUM -> Aggregation.sum(a.getSum().getProperty().getName());
        case AVG -> Aggregation.avg(a.getAvg().getProperty().getName());
        default -> throw new BadRequestException("aggregation " + n + " has no operator");
      };
      aggs.add(agg.as(a.getAlias().isEmpty() ? "property_" + n : a.getAlias()));
    }
    if (aggs.isEmpty()) {
      throw new BadRequestException("an aggregation query needs at least one aggregation");
    }
    return AggregationQuery.of(q, aggs);
  }

  public static com.google.datastore.v1.Query toProto(Query q) {
    com.google.datastore.v1.Query.Builder b = com.google.datastore.v1.Query.newBuilder();
    if (q.kind() != null) {
      b.addKind(KindExpression.newBuilder().setName(q.kind()));
    }
    if (q.keysOnly()) {
      b.addProjection(projection(Filter.KEY_PROPERTY));
    }
    for (String p : q.projection()) {
      b.addProjection(projection(p));
    }
    List<com.google.datastore.v1.Filter> filters = new ArrayList<>();
    if (q.ancestor() != null) {
      filters.add(property(Filter.KEY_PROPERTY,
          com.google.datastore.v1.PropertyFilter.Operator.HAS_ANCESTOR, Value.of(q.ancestor())));
    }
    if (q.filter() != null) {
      filters.add(toProto(q.filter()));
    }
    if (filters.size() == 1) {
      b.setFilter(filters.get(0));
    } else if (filters.size() > 1) {
      b.setFilter(com.google.datastore.v1.Filter.newBuilder().setCompositeFilter(
          com.google.datastore.v1.CompositeFilter.newBuilder()
              .setOp(com.google.datastore.v1.CompositeFilter.Operator.AND)
              .addAllFilters(filters)));
    }
    for (SortOrder o : q.orders()) {
      b.addOrder(PropertyOrder.newBuilder()
          .setProperty(reference(o.property()))
          .setDirection(o.descending()
              ? PropertyOrder.Direction.DESCENDING
              : PropertyOrder.Direction.ASCENDING));
    }
    for (String p : q.distinctOn()) {
      b.addDistinctOn(reference(p));
    }
    if (q.startCursor() != null) {
      b.setStartCursor(ByteString.copyFrom(q.startCursor().toByteArray()));
    }
    if (q.endCursor() != null) {
      b.setEndCursor(ByteString.copyFrom(q.endCursor().toByteArray()));
    }
    b.setOffset(q.offset());
    if (q.limit() >= 0) {
      b.setLimit(Int32Value.of(q.limit()));
    }
    return b.build();
  }

  private static com.google.datastore.v1.Filter toProto(Filter f) {
    if (f instanceof CompositeFilter c) {
      com.google.datastore.v1.CompositeFilter.Builder cb =
          com.google.datastore.v1.CompositeFilter.newBuilder()
              .setOp(c.op() == CompositeFilter.Op.AND
                  ? com.google.datastore.v1.CompositeFilter.Operator.AND
                  : com.google.datastore.v1.CompositeFilter.Operator.OR);
      for (Filter part : c.filters()) {
        cb.addFilters(toProto(part));
      }
      return com.google.datastore.v1.Filter.newBuilder().setCompositeFilter(cb).build();
    }
    PropertyFilter p = (PropertyFilter) f;
    com.google.datastore.v1.PropertyFilter.Operator op = switch (p.op()) {
      case EQUAL -> com.google.datastore.v1.PropertyFilter.Operator.EQUAL;
      case LESS_THAN -> com.google.datastore.v1.PropertyFilter.Operator.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> com.google.datastore.v1.PropertyFilter.Operator.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> com.google.datastore.v1.PropertyFilter.Operator.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL ->
          com.google.datastore.v1.PropertyFilter.Operator.GREATER_THAN_OR_EQUAL;
      case NOT_EQUAL -> com.google.datastore.v1.PropertyFilter.Operator.NOT_EQUAL;
      case IN -> com.google.datastore.v1.PropertyFilter.Operator.IN;
      case NOT_IN -> com.google.datastore.v1.PropertyFilter.Operator.NOT_IN;
    };
    return property(p.property(), op, p.value());
  }

  private static com.google.datastore.v1.Filter property(
      String name, com.google.datastore.v1.PropertyFilter.Operator op, Value value) {
    com.google.datastore.v1.Value v = value instanceof ListValue l
        ? com.google.datastore.v1.Value.newBuilder().setArrayValue(
            com.google.datastore.v1.ArrayValue.newBuilder().addAllValues(
                l.values().stream().map(EntityProtos::toProto).toList())).build()
        : EntityProtos.toProto(value);
    return com.google.datastore.v1.Filter.newBuilder().setPropertyFilter(
        com.google.datastore.v1.PropertyFilter.newBuilder()
            .setProperty(reference(name)).setOp(op).setValue(v)).build();
  }

  public static com.google.datastore.v1.AggregationQuery toProto(AggregationQuery a) {
    com.google.datastore.v1.AggregationQuery.Builder b =
        com.google.datastore.v1.AggregationQuery.newBuilder().setNestedQuery(toProto(a.query()));
    for (Aggregation agg : a.aggregations()) {
      com.google.datastore.v1.AggregationQuery.Aggregation.Builder ab =
          com.google.datastore.v1.AggregationQuery.Aggregation.newBuilder();
      if (agg.alias() != null) {
        ab.setAlias(agg.alias());
      }
      switch (agg.operator()) {
        case COUNT -> ab.setCount(com.google.datastore.v1.AggregationQuery.Aggregation.Count
            .getDefaultInstance());
        case COUNT_UP_TO -> ab.setCount(com.google.datastore.v1.AggregationQuery.Aggregation.Count
            .newBuilder().setUpTo(Int64Value.of(agg.upTo())));
        case SUM -> ab.setSum(com.google.datastore.v1.AggregationQuery.Aggregation.Sum
            .newBuilder().setProperty(reference(agg.property())));
        case AVG -> ab.setAvg(com.google.datastore.v1.AggregationQuery.Aggregation.Avg
            .newBuilder().setProperty(reference(agg.property())));
      }
      b.addAggregations(ab);
    }
    return b.build();
  }

  private static com.google.datastore.v1.Projection projection(String name) {
    return com.google.datastore.v1.Projection.newBuilder().setProperty(reference(name)).build();
  }

  private static PropertyReference reference(String name) {
    return PropertyReference.newBuilder().setName(name).build();
  }
}
