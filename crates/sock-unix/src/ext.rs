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
    fn local_unix_addr(&self) -> io::Result<UnixAddr>;

    /// `getpeername()` decoded as a [`UnixAddr`].
    fn peer_unix_addr(&self) -> io::Result<UnixAddr>;

    /// Sends `bufs` with `fds` in one `SCM_RIGHTS` item (see [`send_fds`](crate::send_fds)).
    fn send_fds<F: AsFd>(&self, bufs: &[IoSlice<'_>], fds: &[F], flags: impl Into<MsgFlags>) -> io::Result<usize>;

    /// Like [`UnixSocketExt::send_fds`], to `addr` (any `AF_UNIX` address form).
    fn send_fds_to<F: AsFd, M>(
        &self,
        bufs: &[IoSlice<'_>],
        fds: &[F],
        flags: impl Into<MsgFlags>,
        addr: impl ToSockAddr<M>,
    ) -> io::Result<usize>;

    /// Receives into `bufs` and up to `maxfds` fds (see [`recv_fds`](crate::recv_fds)).
    fn recv_fds_into(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        maxfds: usize,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Vec<OwnedFd>)>;

    /// `SO_PEERCRED`: the credentials of the peer process at `connect`/`socketpair` time.
    fn peer_cred(&self) -> io::Result<Credentials>;

    /// `SO_PEERSEC`: the peer's security label (SELinux/AppArmor/Smack context), without the
    /// trailing NUL. Fails with `ENOPROTOOPT` when no security module provides one.
    fn peer_sec(&self) -> io::Result<Vec<u8>>;

    /// `SO_PASSCRED`: whether received messages carry the sender's `SCM_CREDENTIALS`.
    fn set_pass_cred(&self, on: bool) -> io::Result<()>;

    /// Reads `SO_PASSCRED`.
    fn pass_cred(&self) -> io::Result<bool>;

    /// `SO_PASSSEC`: whether received messages carry the sender's `SCM_SECURITY` label.
    fn set_pass_sec(&self, on: bool) -> io::Result<()>;

    /// Reads `SO_PASSSEC`.
    fn pass_sec(&self) -> io::Result<bool>;

    /// Sends `bufs` with an explicit `SCM_CREDENTIALS` item. Unprivileged senders may only
    /// send their own pid/uid/gid ([`Credentials::current`]); the kernel answers `EPERM`
    /// otherwise. (With `SO_PASSCRED` on the receiver, the kernel attaches the sender's
    /// credentials even without this.)
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
    fn recv_credentials(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Option<Credentials>)>;

    /// Converts into `std::os::unix::net::UnixStream`. The socket must be `AF_UNIX` and
    /// `SOCK_STREAM` (`InvalidInput` otherwise). std has no per-call timeouts, so a socket in
    /// timeout mode becomes blocking; a non-blocking one stays non-blocking.
    fn into_unix_stream(self) -> io::Result<UnixStream>;

    /// Converts a listening `AF_UNIX`/`SOCK_STREAM` socket into a `UnixListener` (modes as
    /// for [`UnixSocketExt::into_unix_stream`]).
    fn into_unix_listener(self) -> io::Result<UnixListener>;

    /// Converts an `AF_UNIX`/`SOCK_DGRAM` socket into a `UnixDatagram` (modes as for
    /// [`UnixSocketExt::into_unix_stream`]).
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
