//! Interop: raw and owned fds, the standard library's socket types, `socket2::Socket`, and
//! CPython's `makefile()` as buffered reader and writer.

use std::io::{BufReader, BufWriter};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};

use super::Socket;
use crate::kinds::{Family, Protocol, Type};

impl AsFd for Socket {
    #[inline]
    fn as_fd(&self) -> BorrowedFd<'_> {
        Socket::as_fd(self)
    }
}

/// So that APIs generic over "anything that holds a socket" (`AsRef<Socket>`: typed protocol
/// sockets, [`SockRef`](crate::SockRef), the async wrappers) take a plain `Socket` too.
impl AsRef<Socket> for Socket {
    #[inline]
    fn as_ref(&self) -> &Socket {
        self
    }
}

impl AsRawFd for Socket {
    #[inline]
    fn as_raw_fd(&self) -> RawFd {
        self.fileno()
    }
}

impl IntoRawFd for Socket {
    fn into_raw_fd(self) -> RawFd {
        self.detach()
    }
}

impl From<Socket> for OwnedFd {
    fn from(sock: Socket) -> OwnedFd {
        sock.fd
    }
}

/// Takes an fd that must be a socket; family, type and protocol are read from the kernel
/// (0 if it cannot tell). The fd's blocking flag is left alone unless a default timeout is
/// set, exactly as [`Socket::from_fd`] — prefer that, which reports a non-socket as
/// `ENOTSOCK` instead of giving a socket of family 0.
impl From<OwnedFd> for Socket {
    fn from(fd: OwnedFd) -> Socket {
        let get = |name| super::opts::get_int_raw(fd.as_fd(), libc::SOL_SOCKET, name).unwrap_or(0);
        let (family, ty, protocol) =
            (Family(get(libc::SO_DOMAIN)), Type(get(libc::SO_TYPE)), Protocol(get(libc::SO_PROTOCOL)));
        let sock = Socket::foreign(fd, family, ty.without_flags(), protocol, family);
        // Best effort: the conversion cannot fail; an fd whose flags cannot be read or set
        // keeps them as they are (use `Socket::from_fd` to see such errors).
        let _ = sock.adopt_flags();
        sock
    }
}

impl From<socket2::Socket> for Socket {
    fn from(sock: socket2::Socket) -> Socket {
        Socket::from(OwnedFd::from(sock))
    }
}

impl From<Socket> for socket2::Socket {
    fn from(sock: Socket) -> socket2::Socket {
        socket2::Socket::from(sock.fd)
    }
}

macro_rules! std_interop {
    ($($t:ty),*) => {$(
        impl From<$t> for Socket {
            fn from(s: $t) -> Socket {
                Socket::from(OwnedFd::from(s))
            }
        }

        /// The fd keeps its `O_NONBLOCK` flag: a socket in non-blocking or timeout mode is
        /// non-blocking at the fd level, so call `set_blocking(true)` first for std's blocking
        /// behaviour.
        impl From<Socket> for $t {
            fn from(s: Socket) -> $t {
                <$t>::from(s.fd)
            }
        }
    )*};
}

std_interop!(
    std::net::TcpStream,
    std::net::TcpListener,
    std::net::UdpSocket,
    std::os::unix::net::UnixStream,
    std::os::unix::net::UnixListener,
    std::os::unix::net::UnixDatagram
);

impl FromRawFd for Socket {
    /// # Safety
    ///
    /// `fd` must be an open socket fd that the caller owns and gives up.
    unsafe fn from_raw_fd(fd: RawFd) -> Socket {
        // SAFETY: the caller transfers ownership of an open fd, as this function's contract says.
        Socket::from(unsafe { OwnedFd::from_raw_fd(fd) })
    }
}

impl Socket {
    /// `socket.makefile('rb')`: a buffered reader ([`std::io::BufRead`]) that reads through
    /// this socket, so it follows the socket's *current* mode: a later
    /// [`set_timeout`](Socket::set_timeout) applies to the reader too, as with CPython's file
    /// object. The borrow keeps the socket open while the reader lives.
    ///
    /// ```
    /// use std::io::{BufRead, Write};
    /// use std::time::Duration;
    /// let (a, b) = sock::Socket::pair(sock::Family::UNIX, sock::Type::STREAM, None)?;
    /// let mut reader = a.makefile_reader();
    /// a.set_timeout(Some(Duration::from_secs(5)))?; // the reader waits up to 5 s from now on
    /// let mut writer = b.makefile_writer();
    /// writer.write_all(b"line\n")?;
    /// writer.flush()?;
    /// let mut line = String::new();
    /// reader.read_line(&mut line)?;
    /// assert_eq!(line, "line\n");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn makefile_reader(&self) -> BufReader<&Socket> {
        BufReader::new(self)
    }

    /// `socket.makefile('wb')`: a buffered writer that sends through this socket under its
    /// current mode. Remember to `flush` (dropping flushes too, ignoring errors).
    ///
    /// ```
    /// use std::io::Write;
    /// let (a, b) = sock::Socket::pair(sock::Family::UNIX, sock::Type::STREAM, None)?;
    /// let mut w = a.makefile_writer();
    /// write!(w, "{} {}", "many small", "writes")?;
    /// w.flush()?; // one send
    /// assert_eq!(b.recv_vec(64)?, b"many small writes");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn makefile_writer(&self) -> BufWriter<&Socket> {
        BufWriter::new(self)
    }

    /// `socket.makefile('rwb')`: both.
    ///
    /// ```
    /// use std::io::{BufRead, Write};
    /// let (a, b) = sock::Socket::pair(sock::Family::UNIX, sock::Type::STREAM, None)?;
    /// let (mut reader, mut writer) = a.makefile();
    /// b.send_all(b"PING\n")?;
    /// let mut line = String::new();
    /// reader.read_line(&mut line)?;
    /// writer.write_all(if line == "PING\n" { b"PONG\n" } else { b"????\n" })?;
    /// writer.flush()?;
    /// assert_eq!(b.recv_vec(8)?, b"PONG\n");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn makefile(&self) -> (BufReader<&Socket>, BufWriter<&Socket>) {
        (self.makefile_reader(), self.makefile_writer())
    }
}
