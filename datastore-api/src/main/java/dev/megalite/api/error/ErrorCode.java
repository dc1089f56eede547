package dev.megalite.api.error;

/** What went wrong, grouped by what the caller can do about it. */
public enum ErrorCode {
  /** The request is malformed: fix the key, value, query or GQL. */
  BAD_REQUEST,
  /** A named thing (entity, transaction, index) does not exist. */
  NOT_FOUND,
  /** An insert found an entity already stored under its key. */
  ALREADY_EXISTS,
  /** Another commit touched the same entity group first: retry the transaction. */
  CONCURRENT_MODIFICATION,
  /** The query needs a composite index that is not declared: add it. */
  NEED_INDEX,
  /** A configured quota is used up: wait for the reset or raise the quota. */
  OVER_QUOTA,
  /** A request is bigger than a fixed limit allows: make it smaller. */
  LIMIT_EXCEEDED,
  /** The transaction was committed, rolled back or has expired: start a new one. */
  TRANSACTION_CLOSED,
  /** The storage layer failed (disk, corruption, closed store). */
  STORAGE,
  /** A bug in Megalite. */
  INTERNAL
}
