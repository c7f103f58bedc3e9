//! `recv`/`send` and their variants. Buffer methods never allocate and make one syscall when
//! the socket is ready; the `_vec` conveniences return owned data as CPython does.

use std::io;

use super::Socket;
use crate::addr::{SockAddr, ToSockAddr};
use crate::error::{context, invalid_input};
use crate::flags::MsgFlags;
use crate::sys;
use crate::wait::{Deadline, Interest};

/// A `Vec` of `len` zero bytes, or `InvalidInput` naming `argument` if it cannot be allocated
/// (never an abort): the one way every crate of the workspace makes a caller-sized buffer.
///
/// ```
/// assert_eq!(sock::zeroed_vec(4, "bufsize")?, [0u8; 4]);
/// let e = sock::zeroed_vec(usize::MAX, "bufsize").unwrap_err();
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
    /// `socket.recv_into(buffer)`: receives into `buf`, returns the byte count (0 at end of
    /// stream). Waits per the socket's mode. Flags: [`recv_with_flags`](Socket::recv_with_flags).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.send(b"hi")?;
    /// let mut buf = [0u8; 8];
    /// let n = b.recv(&mut buf)?;
    /// assert_eq!(&buf[..n], b"hi");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.recv_with_flags(buf, MsgFlags::NONE)
    }

    /// `socket.recv_into(buffer, 0, flags)`: [`recv`](Socket::recv) with `MSG_*` flags
    /// ([`MsgFlags`] or CPython's integer constants). `MSG_DONTWAIT` makes this one call
    /// non-blocking whatever the socket's mode.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let e = b.recv_with_flags(&mut [0u8; 4], MsgFlags::DONTWAIT).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// a.send(b"ping")?;
    /// assert_eq!(b.recv_with_flags(&mut [0u8; 4], MsgFlags::PEEK)?, 4);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn recv_with_flags(&self, buf: &mut [u8], flags: impl Into<MsgFlags>) -> io::Result<usize> {
        let flags = flags.into().bits();
        self.call_flags("recv", Interest::Read, flags, || sys::recv(self.as_fd(), buf, flags))
    }

    /// `socket.recv_into(buffer, nbytes, flags)`: receives at most `nbytes` (0: the whole
    /// buffer). `nbytes` beyond `buf.len()` is `InvalidInput` ("buffer too small for requested
    /// bytes").
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.send(b"abcdef")?;
    /// let mut buf = [0u8; 8];
    /// assert_eq!(b.recv_into(&mut buf, 2, 0)?, 2);
    /// assert_eq!(&buf[..2], b"ab");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_into(&self, buf: &mut [u8], nbytes: usize, flags: impl Into<MsgFlags>) -> io::Result<usize> {
        let buf = prefix(buf, nbytes, "buffer too small for requested bytes")?;
        self.recv_with_flags(buf, flags)
    }

    /// `socket.recv(bufsize)`: receives at most `bufsize` bytes into a new `Vec`. A size that
    /// cannot be allocated is `InvalidInput`; 0 returns an empty `Vec` without a syscall, as
    /// CPython.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.send(b"data")?;
    /// assert_eq!(b.recv_vec(1024)?, b"data");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_vec(&self, bufsize: usize) -> io::Result<Vec<u8>> {
        self.recv_vec_with_flags(bufsize, MsgFlags::NONE)
    }

    /// `socket.recv(bufsize, flags)`: [`recv_vec`](Socket::recv_vec) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.send(b"data")?;
    /// assert_eq!(b.recv_vec_with_flags(2, MsgFlags::PEEK)?, b"da");
    /// assert_eq!(b.recv_vec(4)?, b"data");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_vec_with_flags(&self, bufsize: usize, flags: impl Into<MsgFlags>) -> io::Result<Vec<u8>> {
        if bufsize == 0 {
            return Ok(Vec::new());
        }
        let mut buf = zeroed_vec(bufsize, "bufsize")?;
        let n = self.recv_with_flags(&mut buf, flags)?;
        buf.truncate(n);
        Ok(buf)
    }

    /// `socket.recvfrom_into(buffer)`: receives into `buf` and returns the byte count and the
    /// sender's address (empty for a connected stream).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.bind(("127.0.0.1", 0))?;
    /// tx.send_to(b"ping", &rx.local_addr()?)?;
    /// let mut buf = [0u8; 16];
    /// let (n, from) = rx.recv_from(&mut buf)?;
    /// assert_eq!((&buf[..n], from), (&b"ping"[..], tx.local_addr()?));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SockAddr)> {
        self.recv_from_with_flags(buf, MsgFlags::NONE)
    }

    /// `socket.recvfrom_into(buffer, 0, flags)`: [`recv_from`](Socket::recv_from) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"ping")?;
    /// let (n, _) = b.recv_from_with_flags(&mut [0u8; 8], MsgFlags::PEEK)?;
    /// assert_eq!(n, 4);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn recv_from_with_flags(&self, buf: &mut [u8], flags: impl Into<MsgFlags>) -> io::Result<(usize, SockAddr)> {
        let mut addr = SockAddr::empty();
        let n = self.recv_from_addr_with_flags(buf, flags, &mut addr)?;
        Ok((n, addr))
    }

    /// [`recv_from`](Socket::recv_from) writing the sender's address into `addr` (a buffer
    /// the caller reuses) instead of returning it: no copy of the address storage per call.
    ///
    /// ```
    /// use sock::{Family, SockAddr, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let mut from = SockAddr::empty();
    /// for _ in 0..3 {
    ///     a.send(b"tick")?;
    ///     assert_eq!(b.recv_from_addr(&mut [0u8; 8], &mut from)?, 4);
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn recv_from_addr(&self, buf: &mut [u8], addr: &mut SockAddr) -> io::Result<usize> {
        self.recv_from_addr_with_flags(buf, MsgFlags::NONE, addr)
    }

    /// [`recv_from_addr`](Socket::recv_from_addr) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, SockAddr, Socket, Type};
    /// let (_a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let mut from = SockAddr::empty();
    /// let e = b.recv_from_addr_with_flags(&mut [0u8; 8], MsgFlags::DONTWAIT, &mut from).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn recv_from_addr_with_flags(
        &self,
        buf: &mut [u8],
        flags: impl Into<MsgFlags>,
        addr: &mut SockAddr,
    ) -> io::Result<usize> {
        let flags = flags.into().bits();
        self.call_flags("recvfrom", Interest::Read, flags, || sys::recv_from(self.as_fd(), buf, flags, addr))
    }

    /// `socket.recvfrom_into(buffer, nbytes, flags)`: `nbytes` beyond `buf.len()` is
    /// `InvalidInput` ("nbytes is greater than the length of the buffer").
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"ping")?;
    /// let mut buf = [0u8; 8];
    /// assert_eq!(b.recv_from_into(&mut buf, 4, 0)?.0, 4);
    /// assert!(b.recv_from_into(&mut buf, 9, 0).is_err_and(|e| e.kind() == std::io::ErrorKind::InvalidInput));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_from_into(
        &self,
        buf: &mut [u8],
        nbytes: usize,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(usize, SockAddr)> {
        let buf = prefix(buf, nbytes, "nbytes is greater than the length of the buffer")?;
        self.recv_from_with_flags(buf, flags)
    }

    /// `socket.recvfrom(bufsize)`: owned data and the sender's address.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"ping")?;
    /// let (data, _from) = b.recv_from_vec(1024)?;
    /// assert_eq!(data, b"ping");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_from_vec(&self, bufsize: usize) -> io::Result<(Vec<u8>, SockAddr)> {
        self.recv_from_vec_with_flags(bufsize, MsgFlags::NONE)
    }

    /// `socket.recvfrom(bufsize, flags)`: [`recv_from_vec`](Socket::recv_from_vec) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"ping")?;
    /// assert_eq!(b.recv_from_vec_with_flags(2, MsgFlags::TRUNC)?.0, b"pi");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_from_vec_with_flags(
        &self,
        bufsize: usize,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(Vec<u8>, SockAddr)> {
        let mut buf = zeroed_vec(bufsize, "bufsize")?;
        let (n, addr) = self.recv_from_with_flags(&mut buf, flags)?;
        buf.truncate(n);
        Ok((buf, addr))
    }

    /// `socket.send(bytes)`: sends what the kernel takes, returns how much.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// assert_eq!(a.send(b"hello")?, 5);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn send(&self, buf: &[u8]) -> io::Result<usize> {
        self.send_with_flags(buf, MsgFlags::NONE)
    }

    /// `socket.send(bytes, flags)`: [`send`](Socket::send) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// drop(b);
    /// // No SIGPIPE: the broken pipe is an error only.
    /// let e = a.send_with_flags(b"hello", MsgFlags::NOSIGNAL).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn send_with_flags(&self, buf: &[u8], flags: impl Into<MsgFlags>) -> io::Result<usize> {
        let flags = flags.into().bits();
        self.call_flags("send", Interest::Write, flags, || sys::send(self.as_fd(), buf, flags))
    }

    /// `socket.sendall(bytes)`: sends all of `buf`. In timeout mode one deadline covers every
    /// chunk; when it passes the call fails with `TimedOut` (what was sent is lost, as in
    /// CPython).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.send_all(b"every byte")?;
    /// assert_eq!(b.recv_vec(64)?, b"every byte");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_all(&self, buf: &[u8]) -> io::Result<()> {
        self.send_all_with_flags(buf, MsgFlags::NONE)
    }

    /// `socket.sendall(bytes, flags)`: [`send_all`](Socket::send_all) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.send_all_with_flags(b"all of it", MsgFlags::NOSIGNAL)?;
    /// assert_eq!(b.recv_vec(64)?, b"all of it");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_all_with_flags(&self, mut buf: &[u8], flags: impl Into<MsgFlags>) -> io::Result<()> {
        let flags = flags.into().bits();
        let mut deadline = Deadline::new();
        while !buf.is_empty() {
            let n = self.call_flags_deadline("sendall", Interest::Write, flags, &mut deadline, || {
                sys::send(self.as_fd(), buf, flags)
            })?;
            buf = &buf[n..];
        }
        Ok(())
    }

    /// `socket.sendto(bytes, address)`: `addr` is anything the socket's family converts
    /// (`("127.0.0.1", 9)`, a typed address, a [`SockAddr`]).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(tx.send_to(b"ping", &rx.local_addr()?)?, 4);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_to<M>(&self, buf: &[u8], addr: impl ToSockAddr<M>) -> io::Result<usize> {
        self.send_to_with_flags(buf, MsgFlags::NONE, addr)
    }

    /// `socket.sendto(bytes, flags, address)`: [`send_to`](Socket::send_to) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.send_to_with_flags(b"ping", MsgFlags::DONTWAIT, &rx.local_addr()?)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_to_with_flags<M>(
        &self,
        buf: &[u8],
        flags: impl Into<MsgFlags>,
        addr: impl ToSockAddr<M>,
    ) -> io::Result<usize> {
        let addr = addr.to_sock_addr(self).map_err(|e| context(e, "sendto", ""))?;
        self.send_to_addr_with_flags(buf, flags, &addr)
    }

    /// `sendto` to an already converted address (the allocation-free hot path).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let to = rx.local_addr()?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// for _ in 0..3 {
    ///     tx.send_to_addr(b"tick", &to)?;
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn send_to_addr(&self, buf: &[u8], addr: &SockAddr) -> io::Result<usize> {
        self.send_to_addr_with_flags(buf, MsgFlags::NONE, addr)
    }

    /// [`send_to_addr`](Socket::send_to_addr) with flags.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.send_to_addr_with_flags(b"tick", MsgFlags::DONTWAIT, &rx.local_addr()?)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn send_to_addr_with_flags(
        &self,
        buf: &[u8],
        flags: impl Into<MsgFlags>,
        addr: &SockAddr,
    ) -> io::Result<usize> {
        let flags = flags.into().bits();
        self.check_addr_family(addr, "send_to")?;
        self.call_flags("sendto", Interest::Write, flags, || sys::send_to(self.as_fd(), buf, flags, addr))
    }
}

impl io::Read for Socket {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Socket::recv(self, buf)
    }
}

impl io::Read for &Socket {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Socket::recv(self, buf)
    }
}

impl io::Write for Socket {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Socket::send(self, buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl io::Write for &Socket {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Socket::send(self, buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
