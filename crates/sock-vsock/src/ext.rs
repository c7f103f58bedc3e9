//! [`VsockSocketExt`]: the `AF_VSOCK` methods of [`Socket`].

use std::io;
use std::time::Duration;

use sock_core::{invalid_input, Socket};

use crate::options::{BUFFER_MAX_SIZE, BUFFER_MIN_SIZE, BUFFER_SIZE, CONNECT_TIMEOUT};

mod sealed {
    pub trait Sealed {}
    impl Sealed for sock_core::Socket {}
}

/// `AF_VSOCK` options of a [`Socket`] that need more than a plain `int` (sealed: implemented
/// for `Socket` only).
///
/// The buffer sizes are 64-bit (`u64`) in the kernel, which rejects a 4-byte value with
/// `EINVAL`; these methods (and [`BUFFER_SIZE`] & co. with [`Socket::get`]/[`Socket::set`])
/// always pass 8 bytes, as CPython does for this family.
///
/// ```no_run
/// use sock::vsock::VsockSocketExt;
/// # let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
/// let size = s.buffer_size()?;
/// s.set_buffer_size(size * 2)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait VsockSocketExt: sealed::Sealed {
    /// `SO_VM_SOCKETS_BUFFER_SIZE`: the buffer size of a connection-oriented socket.
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// assert_eq!(s.buffer_size()?, 256 * 1024); // the kernel's default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn buffer_size(&self) -> io::Result<u64>;
    /// Sets `SO_VM_SOCKETS_BUFFER_SIZE` (the kernel clamps it to the min/max sizes).
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// s.set_buffer_size(64 * 1024)?;
    /// assert_eq!(s.buffer_size()?, 64 * 1024);
    /// s.set_buffer_size(u64::MAX)?;
    /// assert_eq!(s.buffer_size()?, s.buffer_max_size()?); // clamped
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_buffer_size(&self, size: u64) -> io::Result<()>;
    /// `SO_VM_SOCKETS_BUFFER_MIN_SIZE`.
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// assert!(s.buffer_min_size()? <= s.buffer_size()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn buffer_min_size(&self) -> io::Result<u64>;
    /// Sets `SO_VM_SOCKETS_BUFFER_MIN_SIZE`.
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// s.set_buffer_min_size(4096)?;
    /// assert_eq!(s.buffer_min_size()?, 4096);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_buffer_min_size(&self, size: u64) -> io::Result<()>;
    /// `SO_VM_SOCKETS_BUFFER_MAX_SIZE`.
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// assert!(s.buffer_max_size()? >= s.buffer_size()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn buffer_max_size(&self) -> io::Result<u64>;
    /// Sets `SO_VM_SOCKETS_BUFFER_MAX_SIZE`.
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// s.set_buffer_max_size(1 << 20)?;
    /// assert_eq!(s.buffer_max_size()?, 1 << 20);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_buffer_max_size(&self, size: u64) -> io::Result<()>;
    /// `SO_VM_SOCKETS_CONNECT_TIMEOUT`: how long the kernel waits for a peer to accept.
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// assert_eq!(s.connect_timeout()?, std::time::Duration::from_secs(2)); // the default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn connect_timeout(&self) -> io::Result<Duration>;
    /// Sets `SO_VM_SOCKETS_CONNECT_TIMEOUT` (rounded up to the kernel's tick; zero restores
    /// the default of 2 s; a value the kernel cannot store fails with `ERANGE`).
    ///
    /// ```
    /// use sock::vsock::VsockSocketExt;
    /// let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
    /// use std::time::Duration;
    /// s.set_connect_timeout(Duration::from_millis(500))?;
    /// assert!(s.connect_timeout()? >= Duration::from_millis(500)); // rounded up to a tick
    /// s.set_connect_timeout(Duration::ZERO)?;
    /// assert_eq!(s.connect_timeout()?, Duration::from_secs(2));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_connect_timeout(&self, timeout: Duration) -> io::Result<()>;
}

impl VsockSocketExt for Socket {
    fn buffer_size(&self) -> io::Result<u64> {
        self.get(BUFFER_SIZE)
    }

    fn set_buffer_size(&self, size: u64) -> io::Result<()> {
        self.set(BUFFER_SIZE, &size)
    }

    fn buffer_min_size(&self) -> io::Result<u64> {
        self.get(BUFFER_MIN_SIZE)
    }

    fn set_buffer_min_size(&self, size: u64) -> io::Result<()> {
        self.set(BUFFER_MIN_SIZE, &size)
    }

    fn buffer_max_size(&self) -> io::Result<u64> {
        self.get(BUFFER_MAX_SIZE)
    }

    fn set_buffer_max_size(&self, size: u64) -> io::Result<()> {
        self.set(BUFFER_MAX_SIZE, &size)
    }

    fn connect_timeout(&self) -> io::Result<Duration> {
        let tv = self.get(CONNECT_TIMEOUT)?;
        let secs = u64::try_from(tv.tv_sec).unwrap_or(0);
        let micros = u32::try_from(tv.tv_usec).unwrap_or(0);
        // At most i64::MAX seconds plus u32::MAX microseconds: the sum fits a Duration.
        Ok(Duration::from_secs(secs).saturating_add(Duration::from_micros(u64::from(micros))))
    }

    fn set_connect_timeout(&self, timeout: Duration) -> io::Result<()> {
        let tv_sec = libc::time_t::try_from(timeout.as_secs())
            .map_err(|_| invalid_input("timeout", "too large for struct timeval"))?;
        let tv = libc::timeval { tv_sec, tv_usec: libc::suseconds_t::from(timeout.subsec_micros()) };
        self.set(CONNECT_TIMEOUT, &tv)
    }
}
