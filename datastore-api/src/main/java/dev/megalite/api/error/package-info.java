/**
 * Megalite's errors: one unchecked root, {@link dev.megalite.api.error.DatastoreException}, with an
 * {@link dev.megalite.api.error.ErrorCode}, and a subclass for each thing a caller can do about it
 * (fix the request, retry, add an index, wait for quota, shrink the request, start a new
 * transaction). Messages are static text plus structured fields. Depends on the JDK only.
 */
package dev.megalite.api.error;
