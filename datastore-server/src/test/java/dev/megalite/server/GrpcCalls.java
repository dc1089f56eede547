package dev.megalite.server;

import com.google.datastore.v1.DatastoreGrpc;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * gRPC calls over one plaintext channel to a test server: typed ones through the generated
 * method descriptors, and raw ones that send any bytes as the request message of a method.
 */
final class GrpcCalls implements AutoCloseable {
  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private final ManagedChannel channel;

  GrpcCalls(int port) {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
        .maxInboundMessageSize(16 * 1024 * 1024).build();
  }

  /** {@code lookup} → the generated descriptor of {@code google.datastore.v1.Datastore/Lookup}. */
  static MethodDescriptor<?, ?> descriptor(String method) {
    ServiceDescriptor service = DatastoreGrpc.getServiceDescriptor();
    String full = MethodDescriptor.generateFullMethodName(service.getName(),
        Character.toUpperCase(method.charAt(0)) + method.substring(1));
    return service.getMethods().stream().filter(m -> m.getFullMethodName().equals(full))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(method));
  }

  private static CallOptions options() {
    return CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  /** Calls {@code method} with a request message of its type; a failure is thrown. */
  @SuppressWarnings("unchecked")
  Message call(String method, Message request) {
    return ClientCalls.blockingUnaryCall(channel,
        (MethodDescriptor<Message, Message>) descriptor(method), options(), request);
  }

  /** Sends {@code body} as {@code method}'s request message and returns the status. */
  Status callBytes(String method, byte[] body) {
    MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(descriptor(method).getFullMethodName())
        .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    try {
      ClientCalls.blockingUnaryCall(channel, raw, options(), body);
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
