#![cfg(feature = "unix")]
//! SCM_RIGHTS against the real kernel: CPython's SCMRightsTest cases (1 and 4 fds, buffers
//! sized by CMSG_SPACE and CMSG_LEN, two items in one message, empty and partial arrays,
//! every header- and array-truncation case) and SendRecvFdsTests (10 pipe fds), with every
//! received fd checked usable and close-on-exec, and no fd leaked.
//!
//! Leaks are counted per pipe (entries of /proc/self/fd that point at that pipe), which stays
//! exact while other tests run in parallel threads.

use std::io::{self, IoSlice, IoSliceMut, Read, Write};
use std::os::fd::{AsFd, OwnedFd};

use sock_core::cmsg::{cmsg_len, cmsg_space, CmsgIter, CmsgWriter};
use sock_core::consts::{MSG_CMSG_CLOEXEC, MSG_CTRUNC, SCM_RIGHTS, SOL_SOCKET};
use sock_core::{Socket, Type};
use sock_unix::{push_rights, recv_fds, send_fds, UnixSocketExt, SCM_MAX_FD};

const MSG: &[u8] = "Michael Gilfix was here\u{1234}\r\n".as_bytes();
const INT: usize = std::mem::size_of::<libc::c_int>();

/// A close-on-exec pipe (reader, writer).
fn pipe() -> (std::fs::File, std::fs::File) {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).expect("pipe2");
    (std::fs::File::from(r), std::fs::File::from(w))
}

/// A pipe whose fd-table entries can be counted.
struct Pipe {
    reader: std::fs::File,
    writer: std::fs::File,
    link: std::path::PathBuf,
}

impl Pipe {
    fn new() -> Pipe {
        let (reader, writer) = pipe();
        let link = std::fs::read_link(format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&writer))).unwrap();
        Pipe { reader, writer, link }
    }

    /// How many of this process's fds refer to this pipe (2 while we hold both ends only).
    fn refs(&self) -> usize {
        std::fs::read_dir("/proc/self/fd")
            .unwrap()
            .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
            .filter(|l| *l == self.link)
            .count()
    }

    /// Checks that `fd` is a usable, close-on-exec copy of this pipe's write end.
    fn check_writer(&mut self, fd: OwnedFd, tag: u8) {
        let flags = nix::fcntl::fcntl(&fd, nix::fcntl::FcntlArg::F_GETFD).unwrap();
        assert!(nix::fcntl::FdFlag::from_bits_retain(flags).contains(nix::fcntl::FdFlag::FD_CLOEXEC));
        let mut w = std::fs::File::from(fd);
        w.write_all(&[tag]).unwrap();
        let mut got = [0u8; 1];
        self.reader.read_exact(&mut got).unwrap();
        assert_eq!(got[0], tag);
    }
}

fn pipes(n: usize) -> Vec<Pipe> {
    (0..n).map(|_| Pipe::new()).collect()
}

/// Sends MSG with the write ends of `pipes` in one SCM_RIGHTS item.
fn send_writers(sock: &Socket, pipes: &[Pipe]) {
    let fds: Vec<_> = pipes.iter().map(|p| p.writer.as_fd()).collect();
    assert_eq!(send_fds(sock, &[IoSlice::new(MSG)], &fds, 0, None).unwrap(), MSG.len());
}

/// Receives MSG with a control buffer of `ancbuf` bytes; returns flags, control length and
/// the fds in order.
fn recv_with(sock: &Socket, ancbuf: usize) -> (i32, usize, Vec<OwnedFd>) {
    let mut data = [0u8; 64];
    let mut control = vec![0u8; ancbuf];
    let (msg, fds) = sock.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut control, 0).unwrap();
    assert_eq!(&data[..msg.bytes], MSG);
    // sock-core passes MSG_CMSG_CLOEXEC, which Linux echoes in msg_flags; look past it.
    (msg.flags.bits() & !MSG_CMSG_CLOEXEC, msg.control_len, fds)
}

/// Sends `n` fds, receives with `ancbuf` bytes of control, checks that exactly `expect`
/// arrived (usable, in order), MSG_CTRUNC as `ctrunc`, and that nothing leaked.
fn pass(n: usize, ancbuf: usize, expect: usize, ctrunc: bool) {
    let (a, b) = sock_unix::socketpair().unwrap();
    let mut ps = pipes(n);
    send_writers(&a, &ps);
    let (flags, _, fds) = recv_with(&b, ancbuf);
    assert_eq!(fds.len(), expect, "fds received with ancbuf {ancbuf}");
    assert_eq!(flags & MSG_CTRUNC != 0, ctrunc, "MSG_CTRUNC with ancbuf {ancbuf}, flags {flags:#x}");
    for (i, p) in ps.iter().enumerate() {
        assert_eq!(p.refs(), 2 + usize::from(i < expect), "pipe {i} with ancbuf {ancbuf}");
    }
    for (i, (fd, p)) in fds.into_iter().zip(&mut ps).enumerate() {
        p.check_writer(fd, i as u8);
    }
    for (i, p) in ps.iter().enumerate() {
        assert_eq!(p.refs(), 2, "pipe {i} leaked with ancbuf {ancbuf}");
    }
}

#[test]
fn one_fd() {
    pass(1, cmsg_space(INT).unwrap(), 1, false);
    pass(1, 10240, 1, false);
}

#[test]
fn four_fds() {
    pass(4, 10240, 4, false);
}

#[test]
fn buffer_sized_by_cmsg_space() {
    pass(4, cmsg_space(4 * INT).unwrap(), 4, false);
}

#[test]
fn buffer_sized_by_cmsg_len() {
    pass(4, cmsg_len(4 * INT).unwrap(), 4, false);
}

#[test]
fn header_truncation_keeps_no_fd() {
    for ancbuf in [0, 1, 2 * INT, cmsg_len(0).unwrap() - 1] {
        let (a, b) = sock_unix::socketpair().unwrap();
        let ps = pipes(1);
        send_writers(&a, &ps);
        let (flags, control_len, fds) = recv_with(&b, ancbuf);
        assert!(fds.is_empty(), "ancbuf {ancbuf}");
        assert_ne!(flags & MSG_CTRUNC, 0, "ancbuf {ancbuf}");
        assert!(control_len < cmsg_len(0).unwrap(), "ancbuf {ancbuf}");
        assert_eq!(ps[0].refs(), 2, "ancbuf {ancbuf}");
    }
}

#[test]
fn array_truncation_keeps_only_whole_fds() {
    let len0 = cmsg_len(0).unwrap();
    for (ancbuf, expect) in [(len0, 0), (len0 + 1, 0), (cmsg_len(INT).unwrap(), 1), (cmsg_len(2 * INT).unwrap() - 1, 1)]
    {
        pass(4, ancbuf, expect, true);
    }
}

#[test]
fn two_items_in_one_message() {
    let (a, b) = sock_unix::socketpair().unwrap();
    let mut ps = pipes(2);
    let mut control = [0u8; 128];
    let mut w = CmsgWriter::new(&mut control);
    push_rights(&mut w, &[ps[0].writer.as_fd()]).unwrap();
    push_rights(&mut w, &[ps[1].writer.as_fd()]).unwrap();
    let len = w.len();
    a.send_msg(&[IoSlice::new(MSG)], &control[..len], 0, None).unwrap();
    // CPython's testFDPassSeparateMinSpace: CMSG_SPACE(int) + CMSG_LEN(int) is enough.
    let (flags, _, fds) = recv_with(&b, cmsg_space(INT).unwrap() + cmsg_len(INT).unwrap());
    assert_eq!(flags & MSG_CTRUNC, 0);
    assert_eq!(fds.len(), 2);
    for (i, (fd, p)) in fds.into_iter().zip(&mut ps).enumerate() {
        p.check_writer(fd, 10 + i as u8);
    }
    assert!(ps.iter().all(|p| p.refs() == 2));
}

#[test]
fn empty_and_partial_arrays_pass_no_fd() {
    let (a, b) = sock_unix::socketpair().unwrap();
    // An empty list sends no control message.
    assert_eq!(send_fds(&a, &[IoSlice::new(MSG)], &[] as &[OwnedFd], 0, None).unwrap(), MSG.len());
    let (flags, control_len, fds) = recv_with(&b, 10240);
    assert_eq!((flags, control_len, fds.len()), (0, 0, 0));
    // An explicitly empty item and a partial int: the kernel passes nothing.
    let p = Pipe::new();
    let raw = std::os::fd::AsRawFd::as_raw_fd(&p.writer).to_ne_bytes();
    for data in [&[][..], &raw[..INT - 1]] {
        let mut control = [0u8; 64];
        let mut w = CmsgWriter::new(&mut control);
        w.push(SOL_SOCKET, SCM_RIGHTS, data).unwrap();
        let len = w.len();
        a.send_msg(&[IoSlice::new(MSG)], &control[..len], 0, None).unwrap();
        let (flags, control_len, fds) = recv_with(&b, 10240);
        assert_eq!((flags & MSG_CTRUNC, control_len, fds.len()), (0, 0, 0));
    }
    assert_eq!(p.refs(), 2);
}

#[test]
fn ten_pipe_fds_written_through() {
    // SendRecvFdsTests: 10 pipes, the write ends passed, written through, read back.
    let (a, b) = sock_unix::socketpair().unwrap();
    let mut ps = pipes(10);
    send_writers(&a, &ps);
    let (data, fds, flags, addr) = recv_fds(&b, 1024, 10, 0).unwrap();
    assert_eq!(data, MSG);
    assert!(flags.is_empty(), "{flags:?}");
    assert!(<sock_unix::UnixAddr as sock_core::FamilyAddr>::decode(&addr).unwrap().is_unnamed());
    assert_eq!(fds.len(), 10);
    for (i, (fd, p)) in fds.into_iter().zip(&mut ps).enumerate() {
        p.check_writer(fd, i as u8);
    }
}

#[test]
fn recv_fds_maxfds_limits_and_flags_truncation() {
    let (a, b) = sock_unix::socketpair().unwrap();
    let mut ps = pipes(3);
    send_writers(&a, &ps);
    let (data, fds, flags, _) = recv_fds(&b, 1024, 2, 0).unwrap();
    assert_eq!(data, MSG);
    assert_eq!(fds.len(), 2);
    assert_ne!(flags.bits() & MSG_CTRUNC, 0);
    assert_eq!(ps[2].refs(), 2);
    for (i, (fd, p)) in fds.into_iter().zip(&mut ps).enumerate() {
        p.check_writer(fd, i as u8);
    }
    // maxfds 0 receives the data and drops the fds.
    send_writers(&a, &ps[..1]);
    let (_, fds, flags, _) = recv_fds(&b, 1024, 0, 0).unwrap();
    assert!(fds.is_empty());
    assert_ne!(flags.bits() & MSG_CTRUNC, 0);
    assert_eq!(ps[0].refs(), 2);
}

#[test]
fn scm_max_fd_fds_pass_and_more_is_invalid_input() {
    let (a, b) = sock_unix::socketpair().unwrap();
    let p = Pipe::new();
    let fds = vec![p.writer.as_fd(); SCM_MAX_FD + 1];
    let err = send_fds(&a, &[IoSlice::new(MSG)], &fds, 0, None).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    assert!(err.to_string().starts_with("fds:"), "{err}");
    let err = a.send_fds(&[IoSlice::new(MSG)], &fds, 0).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput);

    send_fds(&a, &[IoSlice::new(MSG)], &fds[..SCM_MAX_FD], 0, None).unwrap();
    let (_, got, flags, _) = recv_fds(&b, 1024, 1000, 0).unwrap();
    assert_eq!((got.len(), flags), (SCM_MAX_FD, sock::MsgFlags::NONE));
    assert_eq!(p.refs(), 2 + SCM_MAX_FD);
    drop(got);
    assert_eq!(p.refs(), 2);
}

#[test]
fn datagram_and_seqpacket_with_addresses() {
    for ty in [Type::DGRAM, Type::SEQPACKET] {
        let (a, b) = sock_unix::socketpair_with(ty).unwrap();
        let mut ps = pipes(2);
        let fds = [ps[0].writer.as_fd(), ps[1].writer.as_fd()];
        a.send_fds(&[IoSlice::new(b"Mary had "), IoSlice::new(b"a little lamb")], &fds, 0).unwrap();
        let mut buf = [0u8; 64];
        let (msg, got) = b.recv_fds_into(&mut [IoSliceMut::new(&mut buf)], 4, 0).unwrap();
        assert_eq!(&buf[..msg.bytes], b"Mary had a little lamb");
        assert_eq!(got.len(), 2);
        for (i, (fd, p)) in got.into_iter().zip(&mut ps).enumerate() {
            p.check_writer(fd, i as u8);
        }
    }
    // send_fds_to an abstract address on an unconnected datagram socket.
    let name = format!("\0sock-unix-fds-{}", std::process::id());
    let server = Socket::new(sock_core::Family::UNIX, Type::DGRAM, None).unwrap();
    server.bind(name.as_str()).unwrap();
    let client = Socket::new(sock_core::Family::UNIX, Type::DGRAM, None).unwrap();
    let mut p = Pipe::new();
    client.send_fds_to(&[IoSlice::new(MSG)], &[&p.writer], 0, name.as_str()).unwrap();
    let (data, mut fds, _, _) = recv_fds(&server, 64, 1, 0).unwrap();
    assert_eq!(data, MSG);
    p.check_writer(fds.pop().unwrap(), 42);
}

#[test]
fn received_items_parse_as_rights() {
    // The generic recvmsg path sees one SOL_SOCKET/SCM_RIGHTS item with whole ints.
    let (a, b) = sock_unix::socketpair().unwrap();
    let ps = pipes(3);
    send_writers(&a, &ps);
    let msg = b.recv_msg_vec(64, 1024, 0).unwrap();
    assert_eq!(msg.data, MSG);
    assert_eq!(msg.ancdata.len(), 1);
    let item = &msg.ancdata[0];
    assert_eq!((item.level, item.ty, item.data.len(), item.fds.len()), (SOL_SOCKET, SCM_RIGHTS, 3 * INT, 3));
    assert_eq!(CmsgIter::new(&[]).count(), 0);
}
