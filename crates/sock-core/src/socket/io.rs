//! `recv`/`send` and their variants. Buffer methods never allocate and make one syscall when
//! the socket is ready; the `_vec` conveniences return owned data as CPython does.

use std::io;

use libc::c_int;

use super::Socket;
use crate::addr::{SockAddr, ToSockAddr};
use crate::error::invalid_input;
use crate::sys;
use crate::wait::{Deadline, Interest};

/// A `Vec` of `len` zero bytes, or `InvalidInput` naming `argument` if it cannot be allocated
/// (never an abort): the one way every crate of the workspace makes a caller-sized buffer.
///
/// ```
/// assert_eq!(sock_core::zeroed_vec(4, "bufsize")?, [0u8; 4]);
/// let e = sock_core::zeroed_vec(usize::MAX, "bufsize").unwrap_err();
/// assert_eq!(e.to_string(), "bufsize: too large");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn zeroed_vec(len: usize, argument: &str) -> io::Result<Vec<u8>> {
    filled_vec(len, 0, argument)
}

/// A `Vec` of `len` copies of `value`, or `InvalidInput` naming `argument` if it cannot be
/// allocated.
pub(crate) fn filled_vec<T: Clone>(len: usize, value: T, argument: &str) -> io::Result<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| invalid_input(argument, "too large"))?;
    v.resize(len, value);
    Ok(v)
}

/// The first `nbytes` of `buf` (all of it when `nbytes` is 0), or `InvalidInput` if `buf` is
/// shorter than that.
fn prefix<'a>(buf: &'a mut [u8], nbytes: usize, message: &str) -> io::Result<&'a mut [u8]> {
    match nbytes {
        0 => Ok(buf),
        n if n > buf.len() => Err(invalid_input("nbytes", message)),
        n => Ok(&mut buf[..n]),
    }
}

impl Socket {
    /// `socket.recv_into(buffer, 0, flags)`: receives into `buf`, returns the byte count
    /// (0 at end of stream). Waits per the socket's mode.
    #[inline]
    pub fn recv(&self, buf: &mut [u8], flags: c_int) -> io::Result<usize> {
        self.call_flags(Interest::Read, flags, || sys::recv(self.as_fd(), buf, flags))
    }

    /// `socket.recv_into(buffer, nbytes, flags)`: receives at most `nbytes` (0: the whole
    /// buffer). `nbytes` beyond `buf.len()` is `InvalidInput` ("buffer too small for requested
    /// bytes").
    pub fn recv_into(&self, buf: &mut [u8], nbytes: usize, flags: c_int) -> io::Result<usize> {
        let buf = prefix(buf, nbytes, "buffer too small for requested bytes")?;
        self.recv(buf, flags)
    }

    /// `socket.recv(bufsize, flags)`: receives at most `bufsize` bytes into a new `Vec`.
    /// A size that cannot be allocated is `InvalidInput`; 0 returns an empty `Vec` without a
    /// syscall, as CPython.
    pub fn recv_vec(&self, bufsize: usize, flags: c_int) -> io::Result<Vec<u8>> {
        if bufsize == 0 {
            return Ok(Vec::new());
        }
        let mut buf = zeroed_vec(bufsize, "bufsize")?;
        let n = self.recv(&mut buf, flags)?;
        buf.truncate(n);
        Ok(buf)
    }

    /// `socket.recvfrom_into(buffer, 0, flags)`: receives into `buf` and returns the byte
    /// count and the sender's address (empty for a connected stream).
    #[inline]
    pub fn recv_from(&self, buf: &mut [u8], flags: c_int) -> io::Result<(usize, SockAddr)> {
        let mut addr = SockAddr::empty();
        let n = self.recv_from_addr(buf, flags, &mut addr)?;
        Ok((n, addr))
    }

    /// [`recv_from`](Socket::recv_from) writing the sender's address into `addr` (a buffer
    /// the caller reuses) instead of returning it: no copy of the address storage per call.
    #[inline]
    pub fn recv_from_addr(&self, buf: &mut [u8], flags: c_int, addr: &mut SockAddr) -> io::Result<usize> {
        self.call_flags(Interest::Read, flags, || sys::recv_from(self.as_fd(), buf, flags, addr))
    }

    /// `socket.recvfrom_into(buffer, nbytes, flags)`: `nbytes` beyond `buf.len()` is
    /// `InvalidInput` ("nbytes is greater than the length of the buffer").
    pub fn recv_from_into(&self, buf: &mut [u8], nbytes: usize, flags: c_int) -> io::Result<(usize, SockAddr)> {
        let buf = prefix(buf, nbytes, "nbytes is greater than the length of the buffer")?;
        self.recv_from(buf, flags)
    }

    /// `socket.recvfrom(bufsize, flags)`: owned data and the sender's address.
    pub fn recv_from_vec(&self, bufsize: usize, flags: c_int) -> io::Result<(Vec<u8>, SockAddr)> {
        let mut buf = zeroed_vec(bufsize, "bufsize")?;
        let (n, addr) = self.recv_from(&mut buf, flags)?;
        buf.truncate(n);
        Ok((buf, addr))
    }

    /// `socket.send(bytes, flags)`: sends what the kernel takes, returns how much.
    #[inline]
    pub fn send(&self, buf: &[u8], flags: c_int) -> io::Result<usize> {
        self.call_flags(Interest::Write, flags, || sys::send(self.as_fd(), buf, flags))
    }

    /// `socket.sendall(bytes, flags)`: sends all of `buf`. In timeout mode one deadline covers
    /// every chunk; when it passes the call fails with `TimedOut` (what was sent is lost, as in
    /// CPython).
    pub fn send_all(&self, mut buf: &[u8], flags: c_int) -> io::Result<()> {
        let mut deadline = Deadline::new();
        while !buf.is_empty() {
            let n = self
                .call_flags_deadline(Interest::Write, flags, &mut deadline, || sys::send(self.as_fd(), buf, flags))?;
            buf = &buf[n..];
        }
        Ok(())
    }

    /// `socket.sendto(bytes, flags, address)`.
    pub fn send_to<M>(&self, buf: &[u8], flags: c_int, addr: impl ToSockAddr<M>) -> io::Result<usize> {
        let addr = addr.to_sock_addr(self)?;
        self.send_to_addr(buf, flags, &addr)
    }

    /// `sendto` to an already converted address (the allocation-free hot path).
    #[inline]
    pub fn send_to_addr(&self, buf: &[u8], flags: c_int, addr: &SockAddr) -> io::Result<usize> {
        self.check_addr_family(addr, "send_to")?;
        self.call_flags(Interest::Write, flags, || sys::send_to(self.as_fd(), buf, flags, addr))
    }
}

impl io::Read for Socket {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Socket::recv(self, buf, 0)
    }
}

impl io::Read for &Socket {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Socket::recv(self, buf, 0)
    }
}

impl io::Write for Socket {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Socket::send(self, buf, 0)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl io::Write for &Socket {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Socket::send(self, buf, 0)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
