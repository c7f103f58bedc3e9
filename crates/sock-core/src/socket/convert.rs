//! Interop: raw and owned fds, the standard library's socket types, `socket2::Socket`, and
//! CPython's `makefile()` as buffered reader and writer.

use std::io::{self, BufReader, BufWriter};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};

use super::Socket;
use crate::kinds::{Family, Protocol, Type};

impl AsFd for Socket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        Socket::as_fd(self)
    }
}

impl AsRawFd for Socket {
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
/// (unknown values become 0 if it cannot tell). Use [`Socket::from_fd`] to get an error for a
/// non-socket instead.
impl From<OwnedFd> for Socket {
    fn from(fd: OwnedFd) -> Socket {
        let get = |name| super::opts::get_int_raw(fd.as_fd(), libc::SOL_SOCKET, name).unwrap_or(0);
        let (family, ty, protocol) =
            (Family(get(libc::SO_DOMAIN)), Type(get(libc::SO_TYPE)), Protocol(get(libc::SO_PROTOCOL)));
        let mode = crate::mode::default_mode();
        let sock = Socket { fd, family, ty, protocol, mode: crate::mode::AtomicMode::new(mode) };
        // Best effort: an fd whose flags cannot be read keeps them as they are.
        let _ = sock.set_mode(mode);
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
    /// `socket.makefile('rb')`: a buffered reader ([`std::io::BufRead`]) on a duplicate of the
    /// fd, so the connection stays open while the reader lives, whatever happens to `self`.
    /// It reads under this socket's mode at the time of the call.
    pub fn makefile_reader(&self) -> io::Result<BufReader<Socket>> {
        Ok(BufReader::new(self.dup()?))
    }

    /// `socket.makefile('wb')`: a buffered writer on a duplicate of the fd. Remember to
    /// `flush` (dropping flushes too, ignoring errors).
    pub fn makefile_writer(&self) -> io::Result<BufWriter<Socket>> {
        Ok(BufWriter::new(self.dup()?))
    }

    /// `socket.makefile('rwb')`: both.
    pub fn makefile(&self) -> io::Result<(BufReader<Socket>, BufWriter<Socket>)> {
        Ok((self.makefile_reader()?, self.makefile_writer()?))
    }
}
