//! The `AF_UNIX` socket options, typed: declarations for [`Socket::get`]/[`Socket::set`], and
//! the calls behind the option methods of [`UnixSocketExt`](crate::UnixSocketExt).
//!
//! `SO_PASSCRED` goes through `socket2`, which has it; the others are [`SockOpt`]s.
//!
//! ```
//! use sock::unix::{options, UnixSocketExt};
//! let (a, _b) = sock::unix::socketpair()?;
//! a.set_pass_cred(true)?;
//! assert!(a.get(options::PASSCRED)?);
//! assert_eq!(a.get(options::PEERCRED)?, sock::unix::Credentials::current());
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io;

use sock_core::consts::{SOL_SOCKET, SO_PASSCRED, SO_PASSSEC, SO_PEERCRED, SO_PEERSEC};
use sock_core::{SockOpt, Socket};

use crate::creds::Credentials;

/// `SO_PEERCRED`: the peer's credentials at `connect`/`socketpair` time (read only).
pub const PEERCRED: SockOpt<Credentials> = SockOpt::new(SOL_SOCKET, SO_PEERCRED);

/// `SO_PASSCRED`: received messages carry the sender's `SCM_CREDENTIALS`.
pub const PASSCRED: SockOpt<bool> = SockOpt::new(SOL_SOCKET, SO_PASSCRED);

/// `SO_PASSSEC`: received messages carry the sender's `SCM_SECURITY` label.
pub const PASSSEC: SockOpt<bool> = SockOpt::new(SOL_SOCKET, SO_PASSSEC);

/// The longest security label [`peer_sec`] reads.
const PEERSEC_MAX: usize = 4096;

/// `SO_PEERSEC` without the trailing NUL.
pub(crate) fn peer_sec(sock: &Socket) -> io::Result<Vec<u8>> {
    let mut label = vec![0u8; PEERSEC_MAX];
    let n = sock.getsockopt_into(SOL_SOCKET, SO_PEERSEC, &mut label)?;
    label.truncate(n);
    if label.last() == Some(&0) {
        label.pop();
    }
    Ok(label)
}

/// Sets `SO_PASSCRED` (through `socket2`).
pub(crate) fn set_pass_cred(sock: &Socket, on: bool) -> io::Result<()> {
    socket2::SockRef::from(sock).set_passcred(on)
}

/// Reads `SO_PASSCRED` (through `socket2`).
pub(crate) fn pass_cred(sock: &Socket) -> io::Result<bool> {
    socket2::SockRef::from(sock).passcred()
}
