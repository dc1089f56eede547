package dev.megalite.api.error;

/** The query needs a composite index that is not declared; {@link #indexYaml()} is what to add. */
public class NeedIndexException extends DatastoreException {
  private static final long serialVersionUID = 1L;

  private final String indexYaml;

  public NeedIndexException(String reason, String indexYaml) {
    super(
        ErrorCode.NEED_INDEX,
        "This query requires a composite index that is not defined ("
            + reason
            + "). You must update index.yaml. The minimum required index is:\n"
            + indexYaml);
    this.indexYaml = indexYaml;
  }

  /** The YAML of the minimal index, as an entry of the {@code indexes:} list. */
  public String indexYaml() {
    return indexYaml;
  }
}
