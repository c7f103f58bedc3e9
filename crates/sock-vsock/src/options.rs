//! The `SO_VM_SOCKETS_*` options: typed declarations for [`Socket::get`]/[`Socket::set`]
//! (methods with conversions are on [`VsockSocketExt`](crate::VsockSocketExt)).

use sock_core::SockOpt;
#[cfg(doc)]
use sock_core::Socket;

use crate::consts::*;

/// `SO_VM_SOCKETS_BUFFER_SIZE`: the buffer size of a stream socket, 64-bit.
///
/// ```no_run
/// # let s = sock::Socket::new(sock::Family::VSOCK, sock::Type::STREAM, None)?;
/// let size = s.get(sock::vsock::BUFFER_SIZE)?;
/// s.set(sock::vsock::BUFFER_SIZE, &(size * 2))?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub const BUFFER_SIZE: SockOpt<u64> = SockOpt::new(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE);
/// `SO_VM_SOCKETS_BUFFER_MIN_SIZE`, 64-bit.
pub const BUFFER_MIN_SIZE: SockOpt<u64> = SockOpt::new(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_MIN_SIZE);
/// `SO_VM_SOCKETS_BUFFER_MAX_SIZE`, 64-bit.
pub const BUFFER_MAX_SIZE: SockOpt<u64> = SockOpt::new(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_MAX_SIZE);
/// `SO_VM_SOCKETS_CONNECT_TIMEOUT` as the kernel takes it (a `struct timeval`).
pub(crate) const CONNECT_TIMEOUT: SockOpt<libc::timeval> = SockOpt::new(SOL_VSOCK, SO_VM_SOCKETS_CONNECT_TIMEOUT);
