/**
 * The one place that produces storage key bytes: an order-preserving, type-tagged tuple codec
 * ({@link dev.megalite.engine.codec.TupleWriter}, {@link dev.megalite.engine.codec.TupleReader}),
 * the {@link dev.megalite.engine.codec.Keyspace} enum with the stable prefixes, the row-key
 * builders of {@link dev.megalite.engine.codec.RowKeys}, and the stored entity format of {@link
 * dev.megalite.engine.codec.EntityCodec}. Depends on the api module and the JDK only.
 *
 * <h2>Key layout</h2>
 *
 * <pre>
 * keyspace        key                                                      value
 * ENTITY    0x10  project, namespace, path                                 entity (EntityCodec)
 * KIND      0x20  project, namespace, kind, path                           empty
 * PROPERTY  0x30  project, namespace, kind, property, value, path          1 flag byte
 * COMPOSITE 0x40  project, index id (8 B), namespace, [ancestor path],
 *                 values (inverted when descending)…, path                 flags, meanings
 * GROUP     0x50  project, namespace, root path                            commit sequence (8 B)
 * IDS       0x60  project, policy                                          high-water mark (8 B)
 * METADATA  0x70  name                                                     …
 * STATS     0x80  project, "base"                                          stored-data totals
 *                 project, "delta", delta id (8 B)                         one commit's change
 *                 project, "daily"                                         saved daily counts
 * </pre>
 *
 * <p>Elements: a name is {@code 08} + escaped UTF-8 + {@code 00}. A path is, per element, the
 * escaped kind + {@code 00}, then {@code 01} + 8-byte id or {@code 02} + escaped name + {@code
 * 00}; a terminating {@code 00} follows the last element, so an ancestor sorts before its
 * descendants and ids before names. Escaping maps {@code 00} to {@code 01 01} and {@code 01} to
 * {@code 01 02}, which keeps strings prefix-free and in bytewise order.
 *
 * <p>Values, tagged in App Engine's cross-type order: null {@code 10}; integers and timestamps
 * {@code 20} + 8 bytes big-endian with the sign bit flipped (one number line); booleans {@code 30}
 * + 0/1; strings and byte strings {@code 40} + escaped bytes + {@code 00} (equal bytes compare
 * equal); doubles {@code 50} + 8 bytes in {@link java.lang.Double#compare} order; geo points
 * {@code 60} + latitude + longitude; users {@code 70} + email + auth domain; keys {@code 80} +
 * project + namespace + path. What App Engine orders as one type but we must give back distinctly
 * (a timestamp, a byte string) is told apart by a meaning code in the property row's value byte,
 * next to a flag that says whether the entity has several values for the property.
 *
 * <p>A descending component stores the bitwise inverse of the ascending encoding; because every
 * encoding is prefix-free, inversion exactly reverses the order.
 *
 * <p>Decoders read property names, kinds, projects and namespaces through the shared, bounded
 * {@code NameCache}, which hands back the string it decoded last time for the same bytes. It only
 * saves allocation: every name still goes through the api's validation.
 */
package dev.megalite.engine.codec;
