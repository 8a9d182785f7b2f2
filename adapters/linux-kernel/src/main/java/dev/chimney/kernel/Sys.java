package dev.chimney.kernel;

import com.sun.jna.Native;

/**
 * Thin checked wrappers over {@link LibC}: a failed call throws {@link KernelCallException} naming
 * the call and errno, so a failure says which step of a restore or read-out the kernel refused.
 */
final class Sys {
  private static final LibC C = LibC.INSTANCE;

  private Sys() {}

  static int check(int result, String call) {
    if (result < 0) {
      throw new KernelCallException(call, Native.getLastError());
    }
    return result;
  }

  static long check(long result, String call) {
    if (result < 0) {
      throw new KernelCallException(call, Native.getLastError());
    }
    return result;
  }

  static void setInt(int fd, int level, int name, int value, String what) {
    check(C.setsockopt(fd, level, name, Bytes.int32(value), 4), "setsockopt(" + what + ")");
  }

  static void setBytes(int fd, int level, int name, byte[] value, String what) {
    check(C.setsockopt(fd, level, name, value, value.length), "setsockopt(" + what + ")");
  }

  static int getInt(int fd, int level, int name, String what) {
    byte[] value = new byte[4];
    check(C.getsockopt(fd, level, name, value, new int[] {4}), "getsockopt(" + what + ")");
    return Bytes.readInt32(value, 0);
  }

  static byte[] getBytes(int fd, int level, int name, int size, String what) {
    byte[] value = new byte[size];
    check(C.getsockopt(fd, level, name, value, new int[] {size}), "getsockopt(" + what + ")");
    return value;
  }

  /** An ioctl whose argument is an {@code int} the kernel writes: SIOCINQ, SIOCOUTQ, SIOCOUTQNSD. */
  static int ioctlInt(int fd, long request, String what) {
    byte[] value = new byte[4];
    check(C.ioctl(fd, request, value), "ioctl(" + what + ")");
    return Bytes.readInt32(value, 0);
  }

  static void close(int fd) {
    if (fd >= 0) {
      C.close(fd);
    }
  }
}
