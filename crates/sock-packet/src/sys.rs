//! The one syscall this crate makes itself: `recvmsg(2)` without `MSG_CMSG_CLOEXEC`.
//!
//! `sock_core::Socket::recv_msg` always adds `MSG_CMSG_CLOEXEC` (right for fd passing), but
//! the kernel's `packet_recvmsg` refuses any flag outside `MSG_PEEK | MSG_DONTWAIT | MSG_TRUNC
//! | MSG_ERRQUEUE` with `EINVAL`, and packet sockets never carry fds. So the auxdata path
//! calls `recvmsg` here, still under the socket's mode and timeout through `Socket::call`.

use std::io;
use std::os::fd::AsRawFd;

use sock_core::wait::Interest;
use sock_core::{cvt, SockAddr, Socket};

/// What one `recvmsg` reported.
pub(crate) struct Received {
    /// Bytes written into the data buffer.
    pub(crate) bytes: usize,
    /// Bytes of control data written.
    pub(crate) control_len: usize,
    /// The sender's address.
    pub(crate) addr: SockAddr,
}

/// `recvmsg(fd, {name, [buf], control}, 0)` under `socket`'s mode.
pub(crate) fn recv_msg(socket: &Socket, buf: &mut [u8], control: &mut [u8]) -> io::Result<Received> {
    let ((bytes, control_len), addr) = socket.call(Interest::Read, || {
        SockAddr::fill_with(|name, namelen| {
            let mut iov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
            // SAFETY: `msghdr` is a C struct of integers and raw pointers; all zeros is a valid
            // value (null pointers, zero lengths).
            let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
            msg.msg_name = name.cast();
            // SAFETY: `fill_with` hands us a valid, initialised length pointer.
            msg.msg_namelen = unsafe { *namelen };
            msg.msg_iov = &mut iov;
            msg.msg_iovlen = 1;
            msg.msg_control = control.as_mut_ptr().cast();
            msg.msg_controllen = control.len() as _;
            // SAFETY: every pointer in `msg` refers to a live buffer of the stated length that
            // we borrow mutably for the duration of the call: `name` (SOCKADDR_MAX bytes from
            // `fill_with`), `iov` → `buf`, and `control`.
            let n = cvt(unsafe { libc::recvmsg(socket.as_raw_fd(), &mut msg, 0) })?;
            // SAFETY: as above, `namelen` is valid for writes.
            unsafe { *namelen = msg.msg_namelen };
            Ok((n as usize, (msg.msg_controllen as usize).min(control.len())))
        })
    })?;
    Ok(Received { bytes, control_len, addr })
}
