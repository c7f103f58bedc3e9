//! `recvmsg(2)` without added flags. `Socket::recv_msg` of sock-core always adds
//! `MSG_CMSG_CLOEXEC` (right for fd passing), but the J1939 and ISO-TP protocols reject any
//! flag they do not know with `EINVAL`; CAN carries no fds, so this crate calls `recvmsg` with
//! exactly the caller's flags.

use std::io;
use std::os::fd::AsRawFd;

use libc::c_int;
use sock_core::wait::Interest;
use sock_core::{SockAddr, Socket};

/// What one `recvmsg` returned.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Received {
    pub bytes: usize,
    pub control_len: usize,
    pub flags: c_int,
    pub addr: SockAddr,
}

/// One `recvmsg` into `buf` and `control` under the socket's mode.
pub(crate) fn recv_msg(sock: &Socket, buf: &mut [u8], control: &mut [u8], flags: c_int) -> io::Result<Received> {
    let fd = sock.as_fd().as_raw_fd();
    sock.call(Interest::Read, || {
        let ((bytes, control_len, msg_flags), addr) = SockAddr::fill_with(|name, namelen| {
            let mut iov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
            // SAFETY: `msghdr` is integers and raw pointers; all-zero is a valid empty header.
            let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
            msg.msg_name = name.cast();
            // SAFETY: `namelen` is the valid, initialised out-pointer `fill_with` passes.
            msg.msg_namelen = unsafe { *namelen };
            msg.msg_iov = &mut iov;
            msg.msg_iovlen = 1;
            msg.msg_control = control.as_mut_ptr().cast();
            msg.msg_controllen = control.len() as _;
            // SAFETY: every pointer in `msg` refers to memory borrowed mutably for this call
            // (`buf` through `iov`, `control`, and the address storage of `fill_with`), with
            // the lengths recorded next to it.
            let n = sock_core::cvt(unsafe { libc::recvmsg(fd, &mut msg, flags) })?;
            // SAFETY: as above; the kernel reported the address length in `msg_namelen`.
            unsafe { *namelen = msg.msg_namelen };
            #[allow(clippy::unnecessary_cast)] // size_t on glibc, socklen_t on musl
            let control_len = (msg.msg_controllen as usize).min(control.len());
            Ok((n as usize, control_len, msg.msg_flags))
        })?;
        Ok(Received { bytes, control_len, flags: msg_flags, addr })
    })
}
