//! [`UnixSocketExt`]: the `AF_UNIX` methods of [`Socket`].

use std::io::{self, IoSlice, IoSliceMut};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::{UnixDatagram, UnixListener, UnixStream};

use sock_core::cmsg::{CmsgIter, CmsgWriter};
use sock_core::{invalid_input, Family, FamilyAddr, Mode, MsgFlags, RecvMsg, SockAddr, Socket, ToSockAddr, Type};

use crate::addr::UnixAddr;
use crate::creds::Credentials;
use crate::fds;
use crate::options::{self, PASSSEC, PEERCRED};
use crate::rights::space_for;

/// Control buffer size for one `SCM_CREDENTIALS` item.
const CREDS_SPACE: usize = space_for(std::mem::size_of::<Credentials>());

mod sealed {
    pub trait Sealed {}
    impl Sealed for sock_core::Socket {}
}

/// `AF_UNIX` methods for [`Socket`]: typed addresses, fd passing, credentials, and
/// conversion to the standard library's Unix socket types.
///
/// ```
/// use sock::unix::UnixSocketExt;
/// let (a, b) = sock::unix::socketpair()?;
/// let peer = a.peer_cred()?;
/// assert_eq!(peer, sock::unix::Credentials::current());
/// assert!(b.local_unix_addr()?.is_unnamed());
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait UnixSocketExt: sealed::Sealed {
    /// `getsockname()` decoded as a [`UnixAddr`] (unnamed when unbound).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use sock::unix::UnixSocketExt;
    /// let name = format!("\0sock-unix-doc-local-{}", std::process::id());
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// s.bind(name.as_bytes())?;
    /// assert_eq!(s.local_unix_addr()?.sun_path(), name.as_bytes());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn local_unix_addr(&self) -> io::Result<UnixAddr>;

    /// `getpeername()` decoded as a [`UnixAddr`].
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use sock::unix::UnixSocketExt;
    /// let path = std::env::temp_dir().join(format!("sock-unix-doc-peer-{}", std::process::id()));
    /// let server = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// server.bind(path.as_path())?;
    /// let client = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// client.connect(path.as_path())?;
    /// assert_eq!(client.peer_unix_addr()?.as_pathname(), Some(path.as_path()));
    /// std::fs::remove_file(&path)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn peer_unix_addr(&self) -> io::Result<UnixAddr>;

    /// Sends `bufs` with `fds` in one `SCM_RIGHTS` item (see [`send_fds`](crate::send_fds)).
    ///
    /// ```
    /// use std::io::IoSlice;
    /// use sock::unix::UnixSocketExt;
    /// let (a, b) = sock::unix::socketpair()?;
    /// let file = std::fs::File::open("/dev/null")?;
    /// assert_eq!(a.send_fds(&[IoSlice::new(b"file")], &[&file], 0)?, 4);
    /// assert_eq!(sock::unix::recv_fds(&b, 8, 1, 0)?.1.len(), 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn send_fds<F: AsFd>(&self, bufs: &[IoSlice<'_>], fds: &[F], flags: impl Into<MsgFlags>) -> io::Result<usize>;

    /// Like [`UnixSocketExt::send_fds`], to `addr` (any `AF_UNIX` address form).
    ///
    /// ```
    /// use std::io::IoSlice;
    /// use sock::{Family, Socket, Type};
    /// use sock::unix::UnixSocketExt;
    /// let name = format!("\0sock-unix-doc-send-fds-to-sync-{}", std::process::id());
    /// let rx = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// rx.bind(name.as_bytes())?;
    /// let tx = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// tx.send_fds_to(&[IoSlice::new(b"x")], &[&rx], 0, name.as_bytes())?;
    /// assert_eq!(sock::unix::recv_fds(&rx, 1, 1, 0)?.1.len(), 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn send_fds_to<F: AsFd, M>(
        &self,
        bufs: &[IoSlice<'_>],
        fds: &[F],
        flags: impl Into<MsgFlags>,
        addr: impl ToSockAddr<M>,
    ) -> io::Result<usize>;

    /// Receives into `bufs` and up to `maxfds` fds (see [`recv_fds`](crate::recv_fds)).
    ///
    /// ```
    /// use std::io::{IoSlice, IoSliceMut};
    /// use sock::unix::UnixSocketExt;
    /// let (a, b) = sock::unix::socketpair()?;
    /// let file = std::fs::File::open("/dev/null")?;
    /// a.send_fds(&[IoSlice::new(b"abc")], &[&file], 0)?;
    /// let mut buf = [0u8; 8];
    /// let (msg, fds) = b.recv_fds_into(&mut [IoSliceMut::new(&mut buf)], 4, 0)?;
    /// assert_eq!((&buf[..msg.bytes], fds.len()), (&b"abc"[..], 1));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn recv_fds_into(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        maxfds: usize,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Vec<OwnedFd>)>;

    /// `SO_PEERCRED`: the credentials of the peer process at `connect`/`socketpair` time.
    ///
    /// ```
    /// use sock::unix::{Credentials, UnixSocketExt};
    /// let (a, _b) = sock::unix::socketpair()?;
    /// let peer = a.peer_cred()?;
    /// assert_eq!((peer.pid, peer.uid), (std::process::id() as i32, Credentials::current().uid));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn peer_cred(&self) -> io::Result<Credentials>;

    /// `SO_PEERSEC`: the peer's security label (SELinux/AppArmor/Smack context), without the
    /// trailing NUL. Fails with `ENOPROTOOPT` when no security module provides one.
    ///
    /// ```
    /// use sock::unix::UnixSocketExt;
    /// let (a, _b) = sock::unix::socketpair()?;
    /// match a.peer_sec() {
    ///     Ok(label) => assert!(!label.ends_with(b"\0")), // e.g. "unconfined"
    ///     Err(e) => assert_eq!(e.raw_os_error(), Some(libc::ENOPROTOOPT)), // no LSM label
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn peer_sec(&self) -> io::Result<Vec<u8>>;

    /// `SO_PASSCRED`: whether received messages carry the sender's `SCM_CREDENTIALS`.
    ///
    /// ```
    /// use std::io::IoSliceMut;
    /// use sock::unix::{Credentials, UnixSocketExt};
    /// let (a, b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
    /// b.set_pass_cred(true)?;
    /// a.send(b"hi")?;
    /// let (_msg, creds) = b.recv_credentials(&mut [IoSliceMut::new(&mut [0u8; 2])], 0)?;
    /// assert_eq!(creds, Some(Credentials::current()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_pass_cred(&self, on: bool) -> io::Result<()>;

    /// Reads `SO_PASSCRED`.
    ///
    /// ```
    /// use sock::unix::UnixSocketExt;
    /// let (a, _b) = sock::unix::socketpair()?;
    /// assert!(!a.pass_cred()?);
    /// a.set_pass_cred(true)?;
    /// assert!(a.pass_cred()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn pass_cred(&self) -> io::Result<bool>;

    /// `SO_PASSSEC`: whether received messages carry the sender's `SCM_SECURITY` label.
    ///
    /// ```
    /// use sock::unix::UnixSocketExt;
    /// let (a, _b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
    /// a.set_pass_sec(true)?;
    /// assert!(a.pass_sec()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_pass_sec(&self, on: bool) -> io::Result<()>;

    /// Reads `SO_PASSSEC`.
    ///
    /// ```
    /// use sock::unix::UnixSocketExt;
    /// let (a, _b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
    /// assert!(!a.pass_sec()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn pass_sec(&self) -> io::Result<bool>;

    /// Sends `bufs` with an explicit `SCM_CREDENTIALS` item. Unprivileged senders may only
    /// send their own pid/uid/gid ([`Credentials::current`]); the kernel answers `EPERM`
    /// otherwise. (With `SO_PASSCRED` on the receiver, the kernel attaches the sender's
    /// credentials even without this.)
    ///
    /// ```
    /// use std::io::{IoSlice, IoSliceMut};
    /// use sock::unix::{Credentials, UnixSocketExt};
    /// let (a, b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
    /// b.set_pass_cred(true)?;
    /// a.send_credentials(&[IoSlice::new(b"me")], &Credentials::current(), 0)?;
    /// let (msg, creds) = b.recv_credentials(&mut [IoSliceMut::new(&mut [0u8; 2])], 0)?;
    /// assert_eq!((msg.bytes, creds), (2, Some(Credentials::current())));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn send_credentials(
        &self,
        bufs: &[IoSlice<'_>],
        creds: &Credentials,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<usize>;

    /// Receives into `bufs` and returns the sender's credentials if the message carried them
    /// (turn on [`UnixSocketExt::set_pass_cred`] first). Fds that arrive with the message
    /// are closed; use [`UnixSocketExt::recv_fds_into`] or `Socket::recv_msg_fds` with
    /// [`Credentials::from_cmsg`] to take both.
    ///
    /// ```
    /// use std::io::IoSliceMut;
    /// use sock::unix::UnixSocketExt;
    /// let (a, b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
    /// let mut buf = [0u8; 8];
    /// a.send(b"off")?; // SO_PASSCRED off: no credentials
    /// assert_eq!(b.recv_credentials(&mut [IoSliceMut::new(&mut buf)], 0)?.1, None);
    /// b.set_pass_cred(true)?;
    /// a.send(b"on")?;
    /// let (_msg, creds) = b.recv_credentials(&mut [IoSliceMut::new(&mut buf)], 0)?;
    /// assert_eq!(creds.map(|c| c.pid), Some(std::process::id() as i32));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn recv_credentials(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Option<Credentials>)>;

    /// Converts into `std::os::unix::net::UnixStream`. The socket must be `AF_UNIX` and
    /// `SOCK_STREAM` (`InvalidInput` otherwise). std has no per-call timeouts, so a socket in
    /// timeout mode becomes blocking; a non-blocking one stays non-blocking.
    ///
    /// ```
    /// use std::io::{Read, Write};
    /// use sock::unix::UnixSocketExt;
    /// let (a, b) = sock::unix::socketpair()?;
    /// let (mut a, mut b) = (a.into_unix_stream()?, b.into_unix_stream()?);
    /// a.write_all(b"std")?;
    /// let mut buf = [0u8; 3];
    /// b.read_exact(&mut buf)?;
    /// assert_eq!(&buf, b"std");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn into_unix_stream(self) -> io::Result<UnixStream>;

    /// Converts a listening `AF_UNIX`/`SOCK_STREAM` socket into a `UnixListener` (modes as
    /// for [`UnixSocketExt::into_unix_stream`]).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use sock::unix::UnixSocketExt;
    /// let name = format!("\0sock-unix-doc-into-listener-sync-{}", std::process::id());
    /// let s = Socket::new(Family::UNIX, Type::STREAM, None)?;
    /// s.bind(name.as_bytes())?;
    /// s.listen(None)?;
    /// let listener: std::os::unix::net::UnixListener = s.into_unix_listener()?;
    /// Socket::new(Family::UNIX, Type::STREAM, None)?.connect(name.as_bytes())?;
    /// assert!(listener.accept().is_ok());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn into_unix_listener(self) -> io::Result<UnixListener>;

    /// Converts an `AF_UNIX`/`SOCK_DGRAM` socket into a `UnixDatagram` (modes as for
    /// [`UnixSocketExt::into_unix_stream`]).
    ///
    /// ```
    /// use sock::unix::UnixSocketExt;
    /// let (a, b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
    /// let a: std::os::unix::net::UnixDatagram = a.into_unix_datagram()?;
    /// a.send(b"std")?;
    /// assert_eq!(b.recv_vec(8)?, b"std");
    /// let (stream, _) = sock::unix::socketpair()?;
    /// assert_eq!(stream.into_unix_datagram().unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn into_unix_datagram(self) -> io::Result<UnixDatagram>;
}

impl UnixSocketExt for Socket {
    fn local_unix_addr(&self) -> io::Result<UnixAddr> {
        UnixAddr::decode(&self.local_addr()?)
    }

    fn peer_unix_addr(&self) -> io::Result<UnixAddr> {
        UnixAddr::decode(&self.peer_addr()?)
    }

    fn send_fds<F: AsFd>(&self, bufs: &[IoSlice<'_>], fds: &[F], flags: impl Into<MsgFlags>) -> io::Result<usize> {
        fds::send_fds(self, bufs, fds, flags, None)
    }

    fn send_fds_to<F: AsFd, M>(
        &self,
        bufs: &[IoSlice<'_>],
        fds: &[F],
        flags: impl Into<MsgFlags>,
        addr: impl ToSockAddr<M>,
    ) -> io::Result<usize> {
        let addr: SockAddr = addr.to_sock_addr(self)?;
        fds::send_fds(self, bufs, fds, flags, Some(&addr))
    }

    fn recv_fds_into(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        maxfds: usize,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Vec<OwnedFd>)> {
        fds::recv_fds_into(self, bufs, maxfds, flags)
    }

    fn peer_cred(&self) -> io::Result<Credentials> {
        self.get(PEERCRED)
    }

    fn peer_sec(&self) -> io::Result<Vec<u8>> {
        options::peer_sec(self)
    }

    fn set_pass_cred(&self, on: bool) -> io::Result<()> {
        options::set_pass_cred(self, on)
    }

    fn pass_cred(&self) -> io::Result<bool> {
        options::pass_cred(self)
    }

    fn set_pass_sec(&self, on: bool) -> io::Result<()> {
        self.set(PASSSEC, &on)
    }

    fn pass_sec(&self) -> io::Result<bool> {
        self.get(PASSSEC)
    }

    fn send_credentials(
        &self,
        bufs: &[IoSlice<'_>],
        creds: &Credentials,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<usize> {
        let mut control = [0u8; CREDS_SPACE];
        let mut writer = CmsgWriter::new(&mut control);
        creds.push_to(&mut writer)?;
        let len = writer.len();
        self.send_msg(bufs, &control[..len], flags, None)
    }

    fn recv_credentials(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Option<Credentials>)> {
        let mut control = [0u8; CREDS_SPACE];
        // Any fds that came along are owned here and closed on return.
        let (msg, _fds) = self.recv_msg_fds(bufs, &mut control, flags)?;
        let creds = CmsgIter::new(&control[..msg.control_len]).find_map(|item| Credentials::from_cmsg(&item));
        Ok((msg, creds))
    }

    fn into_unix_stream(self) -> io::Result<UnixStream> {
        into_std(self, Type::STREAM).map(UnixStream::from)
    }

    fn into_unix_listener(self) -> io::Result<UnixListener> {
        into_std(self, Type::STREAM).map(UnixListener::from)
    }

    fn into_unix_datagram(self) -> io::Result<UnixDatagram> {
        into_std(self, Type::DGRAM).map(UnixDatagram::from)
    }
}

/// Checks family and type, maps timeout mode to blocking, and gives up the fd.
fn into_std(sock: Socket, ty: Type) -> io::Result<OwnedFd> {
    if sock.family() != Family::UNIX || sock.ty() != ty {
        return Err(invalid_input("socket", "wrong family or type for this std socket type"));
    }
    if let Mode::Timeout(_) = sock.mode() {
        sock.set_mode(Mode::Blocking)?;
    }
    Ok(OwnedFd::from(sock))
}
