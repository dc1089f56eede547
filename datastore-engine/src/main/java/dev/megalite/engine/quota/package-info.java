/**
 * Quotas: what one project uses per day and per minute (API calls, data sent and received, entity
 * reads, writes and deletes, small operations, CPU time) and the data it stores, counted on every
 * call and enforced where a {@link dev.megalite.engine.quota.QuotaConfig} sets limits.
 *
 * <p>{@link dev.megalite.engine.quota.QuotaMeter} counts the rate quotas in lock-free day and
 * minute windows and reserves limited ones before the work they pay for; {@link
 * dev.megalite.engine.quota.StoredData} keeps the stored data exact by writing a delta row in
 * each commit's own batch; {@link dev.megalite.engine.quota.QuotaAccounting} ties them to a store;
 * {@link dev.megalite.engine.quota.QuotaUsage} is the snapshot callers read. Only {@code
 * QuotaYaml} sees the YAML library. The rules and their sources are in {@code docs/quotas.md}.
 *
 * <p>Depends on the api module, the codec, index, kv and query packages; not on the engine
 * package, which calls into this one.
 */
package dev.megalite.engine.quota;
