package dev.megalite.server.proto;

import com.google.datastore.v1.PartitionId;
import dev.megalite.api.error.BadRequestException;

/**
 * The project and namespace a request runs in: a key or query whose partition names no project
 * belongs to the request's project; one that names another project is an error. The default
 * database is the only one.
 */
public record Partition(String project, String namespace) {

  public static Partition of(String project, PartitionId requestPartition) {
    Partition p = new Partition(project, "");
    return new Partition(project, p.namespace(requestPartition));
  }

  String project(PartitionId id) {
    if (!id.getDatabaseId().isEmpty()) {
      throw new BadRequestException(
          "named databases are not supported; database '" + id.getDatabaseId() + "' was given");
    }
    if (!id.getProjectId().isEmpty() && !id.getProjectId().equals(project)) {
      throw new BadRequestException("mismatched project: the request is for project '" + project
          + "' but a key or partition names project '" + id.getProjectId() + "'");
    }
    return project;
  }

  String namespace(PartitionId id) {
    project(id);
    return id.getNamespaceId().isEmpty() ? namespace : id.getNamespaceId();
  }
}
