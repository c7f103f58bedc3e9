//! Passing file descriptors: CPython's `socket.send_fds` and `socket.recv_fds`, and their
//! buffer forms on [`UnixSocketExt`](crate::UnixSocketExt).

use std::io::{self, IoSlice, IoSliceMut};
use std::os::fd::{AsFd, OwnedFd};

use sock_core::cmsg::{cmsg_space, CmsgWriter};
use sock_core::{MsgFlags, RecvMsg, SockAddr, Socket};

use crate::consts::SCM_MAX_FD;
use crate::rights::{header_space, push_rights, rights_data_len, FD_SIZE, MAX_RIGHTS_SPACE};

/// `socket.send_fds(sock, buffers, fds, flags, address)`: sends the gathered `buffers` with
/// one `SCM_RIGHTS` item carrying `fds`, to `address` if given. Returns the data bytes sent.
///
/// No allocation: the control message is built on the stack. More than
/// [`SCM_MAX_FD`](crate::SCM_MAX_FD) fds is `InvalidInput`; an empty `fds` sends no control
/// message at all (the receiver sees the same either way).
///
/// ```
/// use std::io::IoSlice;
/// use std::os::fd::AsFd;
/// let (a, b) = sock::unix::socketpair()?;
/// let file = std::fs::File::open("/dev/null")?;
/// sock::unix::send_fds(&a, &[IoSlice::new(b"x")], &[file.as_fd()], 0, None)?;
/// let (data, fds, _flags, _addr) = sock::unix::recv_fds(&b, 16, 1, 0)?;
/// assert_eq!((data.as_slice(), fds.len()), (&b"x"[..], 1));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn send_fds<F: AsFd>(
    sock: &Socket,
    buffers: &[IoSlice<'_>],
    fds: &[F],
    flags: impl Into<MsgFlags>,
    address: Option<&SockAddr>,
) -> io::Result<usize> {
    if fds.is_empty() {
        return sock.send_msg(buffers, &[], flags, address);
    }
    let mut control = [0u8; MAX_RIGHTS_SPACE];
    let space = cmsg_space(rights_data_len(fds.len())?)?;
    let mut writer = CmsgWriter::new(&mut control[..space]);
    push_rights(&mut writer, fds)?;
    sock.send_msg(buffers, writer.as_bytes(), flags, address)
}

/// `socket.recv_fds(sock, bufsize, maxfds, flags)`: receives up to `bufsize` data bytes and
/// up to `maxfds` fds; returns `(data, fds, msg_flags, address)`.
///
/// As in CPython the control buffer is `CMSG_LEN(maxfds * sizeof(int))`, so the kernel
/// installs at most `maxfds` fds and flags `MSG_CTRUNC` when more were sent (it closes
/// those itself). `maxfds` beyond [`SCM_MAX_FD`](crate::SCM_MAX_FD) is treated as
/// `SCM_MAX_FD`, the most one message can carry. Fds arrive close-on-exec and owned; partial
/// ints are dropped.
///
/// ```
/// use std::io::{IoSlice, Read};
/// use std::os::fd::AsFd;
/// let (a, b) = sock::unix::socketpair()?;
/// let (r, w) = sock::unix::socketpair()?;
/// sock::unix::send_fds(&a, &[IoSlice::new(b"fd")], &[r.as_fd()], 0, None)?;
/// let (data, mut fds, flags, _addr) = sock::unix::recv_fds(&b, 16, 4, 0)?;
/// assert_eq!((data.as_slice(), fds.len()), (&b"fd"[..], 1));
/// assert!(!flags.contains(sock::MsgFlags::CTRUNC));
/// w.send_all(b"through the copy")?;
/// let mut got = [0u8; 16];
/// std::fs::File::from(fds.pop().unwrap()).read_exact(&mut got)?;
/// assert_eq!(&got, b"through the copy");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn recv_fds(
    sock: &Socket,
    bufsize: usize,
    maxfds: usize,
    flags: impl Into<MsgFlags>,
) -> io::Result<(Vec<u8>, Vec<OwnedFd>, MsgFlags, SockAddr)> {
    let mut data = sock_core::zeroed_vec(bufsize, "bufsize")?;
    let (msg, fds) = recv_fds_into(sock, &mut [IoSliceMut::new(&mut data)], maxfds, flags)?;
    data.truncate(msg.bytes.min(bufsize));
    Ok((data, fds, msg.flags, msg.addr))
}

/// [`recv_fds`] into caller buffers, with no allocation besides the `Vec` of fds (none when
/// no fd arrives).
///
/// ```
/// use std::io::{IoSlice, IoSliceMut};
/// use std::os::fd::AsFd;
/// let (a, b) = sock::unix::socketpair()?;
/// let file = std::fs::File::open("/dev/null")?;
/// sock::unix::send_fds(&a, &[IoSlice::new(b"head+tail")], &[file.as_fd(), file.as_fd()], 0, None)?;
/// let (mut head, mut tail) = ([0u8; 5], [0u8; 8]);
/// let (msg, fds) = sock::unix::recv_fds_into(&b, &mut [IoSliceMut::new(&mut head), IoSliceMut::new(&mut tail)], 1, 0)?;
/// assert_eq!((msg.bytes, &head, &tail[..4]), (9, b"head+", &b"tail"[..]));
/// assert_eq!(fds.len(), 1); // maxfds 1: the second fd was cut (MSG_CTRUNC)
/// assert!(msg.flags.contains(sock::MsgFlags::CTRUNC));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn recv_fds_into(
    sock: &Socket,
    bufs: &mut [IoSliceMut<'_>],
    maxfds: usize,
    flags: impl Into<MsgFlags>,
) -> io::Result<(RecvMsg, Vec<OwnedFd>)> {
    let mut control = [0u8; MAX_RIGHTS_SPACE];
    let len = header_space() + maxfds.min(SCM_MAX_FD) * FD_SIZE;
    sock.recv_msg_fds(bufs, &mut control[..len], flags)
}
