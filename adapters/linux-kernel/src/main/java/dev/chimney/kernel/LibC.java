package dev.chimney.kernel;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The C library calls this target makes, through JNA. Each returns -1 on failure with the cause in
 * {@code Native.getLastError()}; {@link Sys} wraps them into exceptions. Structures are passed as
 * byte arrays laid out by {@link Bytes}: every one used here is small and fixed (x86-64 and arm64
 * Linux layouts).
 */
interface LibC extends Library {
  LibC INSTANCE = Native.load("c", LibC.class);

  int open(String path, int flags);

  int close(int fd);

  long read(int fd, byte[] buffer, long count);

  long write(int fd, byte[] buffer, long count);

  int ioctl(int fd, long request, byte[] argument);

  int ioctl(int fd, long request, com.sun.jna.Pointer argument);

  int unshare(int flags);

  int eventfd(int initialValue, int flags);

  int socket(int domain, int type, int protocol);

  int bind(int fd, byte[] address, int length);

  int connect(int fd, byte[] address, int length);

  long send(int fd, byte[] buffer, long length, int flags);

  long recv(int fd, byte[] buffer, long length, int flags);

  int shutdown(int fd, int how);

  int setsockopt(int fd, int level, int name, byte[] value, int length);

  int getsockopt(int fd, int level, int name, byte[] value, int[] length);

  int poll(byte[] fds, long count, int timeoutMillis);
}
