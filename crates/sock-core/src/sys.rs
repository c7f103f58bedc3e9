//! The raw syscalls that socket2 does not offer in the shape we need (flags in, byte counts
//! out, caller buffers). Each wrapper is one `unsafe` call on borrowed memory; everything
//! above this module is safe Rust, except the two `msghdr` calls, which are `unsafe fn`s because
//! a header's pointers cannot be checked here.

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};

use libc::{c_int, c_void, socklen_t};

use crate::addr::SockAddr;
use crate::error::cvt;

/// `recv(2)` into `buf`.
#[inline]
pub(crate) fn recv(fd: BorrowedFd<'_>, buf: &mut [u8], flags: c_int) -> io::Result<usize> {
    // SAFETY: `buf` is valid for writes of `buf.len()` bytes for the duration of the call.
    let n = unsafe { libc::recv(fd.as_raw_fd(), buf.as_mut_ptr().cast::<c_void>(), buf.len(), flags) };
    cvt(n).map(|n| n as usize)
}

/// `recvfrom(2)` into `buf`, writing the sender's address into `addr`.
#[inline]
pub(crate) fn recv_from(fd: BorrowedFd<'_>, buf: &mut [u8], flags: c_int, addr: &mut SockAddr) -> io::Result<usize> {
    let ptr = addr.storage_mut_ptr();
    let mut socklen: socklen_t = crate::addr::SOCKADDR_MAX as socklen_t;
    // SAFETY: `buf` is valid for `buf.len()` bytes of writes; `ptr` points to SOCKADDR_MAX
    // writable bytes aligned for any sockaddr and `socklen` says so.
    let n = unsafe {
        libc::recvfrom(fd.as_raw_fd(), buf.as_mut_ptr().cast::<c_void>(), buf.len(), flags, ptr, &mut socklen)
    };
    let n = cvt(n)?;
    addr.set_len(socklen);
    Ok(n as usize)
}

/// `send(2)` of `buf`.
#[inline]
pub(crate) fn send(fd: BorrowedFd<'_>, buf: &[u8], flags: c_int) -> io::Result<usize> {
    // SAFETY: `buf` is valid for reads of `buf.len()` bytes for the duration of the call.
    let n = unsafe { libc::send(fd.as_raw_fd(), buf.as_ptr().cast::<c_void>(), buf.len(), flags) };
    cvt(n).map(|n| n as usize)
}

/// `sendto(2)` of `buf` to `addr`.
#[inline]
pub(crate) fn send_to(fd: BorrowedFd<'_>, buf: &[u8], flags: c_int, addr: &SockAddr) -> io::Result<usize> {
    // SAFETY: `buf` is valid for `buf.len()` bytes of reads; `addr` points to `addr.len()`
    // initialised bytes of a sockaddr.
    let n = unsafe {
        libc::sendto(fd.as_raw_fd(), buf.as_ptr().cast::<c_void>(), buf.len(), flags, addr.as_ptr(), addr.socklen())
    };
    cvt(n).map(|n| n as usize)
}

/// `recvmsg(2)` with a prepared header.
///
/// # Safety
///
/// Every pointer in `msg` (`msg_name`, `msg_iov` and each `iovec` it lists, `msg_control`)
/// must be null with a zero length or point to memory that is valid for writes of the length
/// recorded beside it and that the caller borrows exclusively for the duration of the call.
#[inline]
pub(crate) unsafe fn recvmsg(fd: BorrowedFd<'_>, msg: &mut libc::msghdr, flags: c_int) -> io::Result<usize> {
    // SAFETY: the caller guarantees (this function's contract) that every pointer in `msg`
    // refers to live, exclusively borrowed memory of the lengths recorded in it.
    let n = unsafe { libc::recvmsg(fd.as_raw_fd(), msg, flags) };
    cvt(n).map(|n| n as usize)
}

/// `sendmsg(2)` with a prepared header.
///
/// # Safety
///
/// Every pointer in `msg` (`msg_name`, `msg_iov` and each `iovec` it lists, `msg_control`)
/// must be null with a zero length or point to initialised memory that is valid for reads of
/// the length recorded beside it for the duration of the call.
#[inline]
pub(crate) unsafe fn sendmsg(fd: BorrowedFd<'_>, msg: &libc::msghdr, flags: c_int) -> io::Result<usize> {
    // SAFETY: the caller guarantees (this function's contract) that every pointer in `msg`
    // refers to live borrowed memory of the lengths recorded in it; sendmsg only reads it.
    let n = unsafe { libc::sendmsg(fd.as_raw_fd(), msg, flags) };
    cvt(n).map(|n| n as usize)
}

/// `getsockopt(2)` into `buf`; returns the length the kernel wrote.
pub(crate) fn getsockopt(fd: BorrowedFd<'_>, level: c_int, name: c_int, buf: &mut [u8]) -> io::Result<usize> {
    let mut len = socklen_t::try_from(buf.len()).unwrap_or(socklen_t::MAX);
    // SAFETY: `buf` is valid for writes of `len` ≤ `buf.len()` bytes; `len` is a valid
    // in/out length.
    cvt(unsafe { libc::getsockopt(fd.as_raw_fd(), level, name, buf.as_mut_ptr().cast::<c_void>(), &mut len) })?;
    Ok((len as usize).min(buf.len()))
}

/// `setsockopt(2)` with `value` as the option bytes, or a NULL pointer and `null_len` when
/// `value` is `None` (the form AF_ALG's `ALG_SET_AEAD_AUTHSIZE` needs).
pub(crate) fn setsockopt(
    fd: BorrowedFd<'_>,
    level: c_int,
    name: c_int,
    value: Option<&[u8]>,
    null_len: socklen_t,
) -> io::Result<()> {
    let (ptr, len) = match value {
        Some(bytes) => (
            bytes.as_ptr().cast::<c_void>(),
            socklen_t::try_from(bytes.len()).map_err(|_| crate::invalid_input("value", "option value too large"))?,
        ),
        None => (std::ptr::null(), null_len),
    };
    // SAFETY: `ptr` is either NULL (the kernel then only looks at `len` or fails with EFAULT)
    // or points to `len` readable bytes of `value`.
    cvt(unsafe { libc::setsockopt(fd.as_raw_fd(), level, name, ptr, len) }).map(drop)
}

/// `getsockname(2)` or `getpeername(2)`.
pub(crate) fn sockname(fd: BorrowedFd<'_>, peer: bool) -> io::Result<SockAddr> {
    let mut addr = SockAddr::empty();
    let ptr = addr.storage_mut_ptr();
    let mut len = crate::addr::SOCKADDR_MAX as socklen_t;
    // SAFETY: `ptr` points to SOCKADDR_MAX writable bytes aligned for any sockaddr, and `len`
    // says so.
    let rc = unsafe {
        if peer {
            libc::getpeername(fd.as_raw_fd(), ptr, &mut len)
        } else {
            libc::getsockname(fd.as_raw_fd(), ptr, &mut len)
        }
    };
    cvt(rc)?;
    addr.set_len(len);
    Ok(addr)
}

/// `connect(2)` as one raw call (the waiting logic lives in the socket).
pub(crate) fn connect(fd: BorrowedFd<'_>, addr: &SockAddr) -> io::Result<()> {
    // SAFETY: `addr` points to `addr.len()` initialised bytes of a sockaddr.
    cvt(unsafe { libc::connect(fd.as_raw_fd(), addr.as_ptr(), addr.socklen()) }).map(drop)
}

/// `bind(2)`.
pub(crate) fn bind(fd: BorrowedFd<'_>, addr: &SockAddr) -> io::Result<()> {
    // SAFETY: `addr` points to `addr.len()` initialised bytes of a sockaddr.
    cvt(unsafe { libc::bind(fd.as_raw_fd(), addr.as_ptr(), addr.socklen()) }).map(drop)
}

/// `accept4(2)` with `SOCK_CLOEXEC`, returning the new fd and the peer address. With
/// `want_addr` false the kernel gets NULL for the address (AF_ALG refuses an address buffer
/// with `ECONNABORTED`, as it cannot name its peer) and the address comes back empty.
pub(crate) fn accept(fd: BorrowedFd<'_>, want_addr: bool) -> io::Result<(std::os::fd::OwnedFd, SockAddr)> {
    use std::os::fd::FromRawFd;
    let mut addr = SockAddr::empty();
    let mut len = crate::addr::SOCKADDR_MAX as socklen_t;
    let (ptr, lenp) = if want_addr {
        (addr.storage_mut_ptr(), &mut len as *mut socklen_t)
    } else {
        (std::ptr::null_mut(), std::ptr::null_mut())
    };
    // SAFETY: `ptr`/`lenp` are either both NULL or point to SOCKADDR_MAX writable bytes
    // aligned for any sockaddr and to a length that says so.
    let new = cvt(unsafe { libc::accept4(fd.as_raw_fd(), ptr, lenp, libc::SOCK_CLOEXEC) })?;
    if want_addr {
        addr.set_len(len);
    }
    // SAFETY: accept4 returned a fresh fd that nothing else owns.
    Ok((unsafe { std::os::fd::OwnedFd::from_raw_fd(new) }, addr))
}
