//! One hot-path workload, `N` rounds, through one implementation — for valgrind's callgrind,
//! which counts the user-space instructions; `cargo xtask bench-report` runs every
//! (workload, implementation) pair at two round counts and reports the difference divided by
//! the difference of rounds, so setup and process start cancel out.
//!
//! Usage: `hotpath_probe <workload> <impl> <N>`
//!
//! Workloads (one round = one send + one receive of 64 bytes, data always ready):
//! - `pair`: `send` + `recv` on an AF_UNIX datagram socketpair, blocking mode;
//! - `nonblocking`: the same in non-blocking mode;
//! - `timeout`: the same in timeout mode (sock: `set_timeout`; std: `SO_RCVTIMEO`);
//! - `udp`: `send_to` + `recv_from` over 127.0.0.1;
//! - `msg`: `send_msg` + `recv_msg` (one iovec, no control data) on the socketpair;
//! - `batch`: `send_many` + `recv_many` of 8 messages (one round = 8 messages each way): byte
//!   buffers on a connected socket, as the docs show; the libc form receives each sender's
//!   address as `recv_many` does (the same work).
//!
//! Implementations: `libc` (raw calls), `sock`, `std`, `socket2`, `nix`. A pair that has no
//! form of the workload (std has no sendmsg) prints `unsupported` and exits with status 2.

use std::hint::black_box;
use std::io::{IoSlice, IoSliceMut};
use std::net::UdpSocket;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::UnixDatagram;
use std::time::Duration;

use sock::{Family, MsgFlags, RecvBatch, SendBatch, SockAddr, Socket, Type};

const LEN: usize = 64;
const BATCH: usize = 8;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: hotpath_probe <pair|nonblocking|timeout|udp|msg|batch> <libc|sock|std|socket2|nix> <N>";
    let [_, workload, imp, n] = args.as_slice() else { panic!("{usage}") };
    let n: usize = n.parse().expect(usage);
    let ok = match workload.as_str() {
        "pair" => pair(imp, n, Setup::Blocking),
        "nonblocking" => pair(imp, n, Setup::NonBlocking),
        "timeout" => pair(imp, n, Setup::Timeout),
        "udp" => udp(imp, n),
        "msg" => msg(imp, n),
        "batch" => batch(imp, n),
        _ => panic!("{usage}"),
    };
    if !ok {
        println!("unsupported");
        std::process::exit(2);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Setup {
    Blocking,
    NonBlocking,
    Timeout,
}

fn sock_pair(setup: Setup) -> (Socket, Socket) {
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).expect("socketpair");
    for s in [&a, &b] {
        match setup {
            Setup::Blocking => s.set_timeout(None),
            Setup::NonBlocking => s.set_blocking(false),
            Setup::Timeout => s.set_timeout(Some(Duration::from_secs(5))),
        }
        .expect("mode");
    }
    (a, b)
}

fn raw_send(fd: i32, msg: &[u8]) {
    // SAFETY: `fd` is an open socket of the caller; `msg` is valid for its length.
    let r = unsafe { libc::send(fd, msg.as_ptr().cast(), msg.len(), 0) };
    assert_eq!(black_box(r), msg.len() as isize);
}

fn raw_recv(fd: i32, buf: &mut [u8]) {
    // SAFETY: `fd` is an open socket of the caller; `buf` is valid for writes of its length.
    let r = unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), 0) };
    assert_eq!(black_box(r), LEN as isize);
}

fn pair(imp: &str, n: usize, setup: Setup) -> bool {
    let (a, b) = sock_pair(setup);
    let msg = [0x5au8; LEN];
    let mut buf = [0u8; LEN];
    match imp {
        "libc" => {
            for _ in 0..n {
                raw_send(a.as_raw_fd(), black_box(&msg));
                raw_recv(b.as_raw_fd(), &mut buf);
            }
        }
        "sock" => {
            for _ in 0..n {
                black_box(a.send(black_box(&msg)).unwrap());
                black_box(b.recv(&mut buf).unwrap());
            }
        }
        "std" => {
            let (a, b) = (UnixDatagram::from(OwnedFd::from(a)), UnixDatagram::from(OwnedFd::from(b)));
            if setup == Setup::Timeout {
                b.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            }
            for _ in 0..n {
                black_box(a.send(black_box(&msg)).unwrap());
                black_box(b.recv(&mut buf).unwrap());
            }
        }
        "socket2" => {
            let (a, b) = (socket2::Socket::from(OwnedFd::from(a)), socket2::Socket::from(OwnedFd::from(b)));
            if setup == Setup::Timeout {
                return false; // socket2 has no timeout mode of its own (SO_RCVTIMEO is std's row)
            }
            for _ in 0..n {
                black_box(a.send(black_box(&msg)).unwrap());
                // SAFETY: a `[u8]` buffer is valid as `[MaybeUninit<u8>]` (recv only writes it).
                let spare = unsafe { &mut *(&mut buf[..] as *mut [u8] as *mut [std::mem::MaybeUninit<u8>]) };
                black_box(b.recv(spare).unwrap());
            }
        }
        "nix" => {
            if setup == Setup::Timeout {
                return false;
            }
            use nix::sys::socket::{recv, send, MsgFlags as NixFlags};
            for _ in 0..n {
                black_box(send(a.as_raw_fd(), black_box(&msg), NixFlags::empty()).unwrap());
                black_box(recv(b.as_raw_fd(), &mut buf, NixFlags::empty()).unwrap());
            }
        }
        _ => return false,
    }
    true
}

fn udp(imp: &str, n: usize) -> bool {
    let rx = UdpSocket::bind("127.0.0.1:0").unwrap();
    let tx = UdpSocket::bind("127.0.0.1:0").unwrap();
    let to = rx.local_addr().unwrap();
    let msg = [0x5au8; LEN];
    let mut buf = [0u8; LEN];
    match imp {
        "libc" => {
            let to = SockAddr::from(to);
            let (txf, rxf) = (tx.as_raw_fd(), rx.as_raw_fd());
            for _ in 0..n {
                // SAFETY: open sockets; `msg`/`buf` valid for their lengths; `to` is a valid
                // sockaddr of `socklen()` bytes; `from` has room for a sockaddr_storage.
                unsafe {
                    let r = libc::sendto(txf, msg.as_ptr().cast(), LEN, 0, to.as_ptr(), to.socklen());
                    assert_eq!(black_box(r), LEN as isize);
                    let mut from: libc::sockaddr_storage = std::mem::zeroed();
                    let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                    let r = libc::recvfrom(
                        rxf,
                        buf.as_mut_ptr().cast(),
                        LEN,
                        0,
                        (&mut from as *mut libc::sockaddr_storage).cast(),
                        &mut len,
                    );
                    assert_eq!(black_box(r), LEN as isize);
                    black_box(&from);
                }
            }
        }
        "sock" => {
            let (tx, rx) = (Socket::from(OwnedFd::from(tx)), Socket::from(OwnedFd::from(rx)));
            let to = SockAddr::from(to);
            let mut from = SockAddr::empty();
            for _ in 0..n {
                black_box(tx.send_to_addr(black_box(&msg), &to).unwrap());
                black_box(rx.recv_from_addr(&mut buf, &mut from).unwrap());
            }
        }
        "std" => {
            for _ in 0..n {
                black_box(tx.send_to(black_box(&msg), to).unwrap());
                black_box(rx.recv_from(&mut buf).unwrap());
            }
        }
        "socket2" => {
            let (tx, rx) = (socket2::Socket::from(tx), socket2::Socket::from(rx));
            let to = socket2::SockAddr::from(to);
            for _ in 0..n {
                black_box(tx.send_to(black_box(&msg), &to).unwrap());
                // SAFETY: a `[u8]` buffer is valid as `[MaybeUninit<u8>]` (recv only writes it).
                let spare = unsafe { &mut *(&mut buf[..] as *mut [u8] as *mut [std::mem::MaybeUninit<u8>]) };
                black_box(rx.recv_from(spare).unwrap());
            }
        }
        "nix" => {
            use nix::sys::socket::{recvfrom, sendto, MsgFlags as NixFlags, SockaddrIn};
            let to = SockaddrIn::from(match to {
                std::net::SocketAddr::V4(v4) => v4,
                _ => unreachable!("bound to 127.0.0.1"),
            });
            for _ in 0..n {
                black_box(sendto(tx.as_raw_fd(), black_box(&msg), &to, NixFlags::empty()).unwrap());
                black_box(recvfrom::<SockaddrIn>(rx.as_raw_fd(), &mut buf).unwrap());
            }
        }
        _ => return false,
    }
    true
}

fn msg(imp: &str, n: usize) -> bool {
    let (a, b) = sock_pair(Setup::Blocking);
    let data = [0x5au8; LEN];
    let mut buf = [0u8; LEN];
    match imp {
        "libc" => {
            for _ in 0..n {
                // SAFETY: the msghdrs point to live, correctly sized buffers for each call.
                unsafe {
                    let mut iov = libc::iovec { iov_base: data.as_ptr() as *mut _, iov_len: LEN };
                    let mut m: libc::msghdr = std::mem::zeroed();
                    m.msg_iov = &mut iov;
                    m.msg_iovlen = 1;
                    assert_eq!(black_box(libc::sendmsg(a.as_raw_fd(), &m, 0)), LEN as isize);
                    let mut riov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: LEN };
                    let mut r: libc::msghdr = std::mem::zeroed();
                    r.msg_iov = &mut riov;
                    r.msg_iovlen = 1;
                    assert_eq!(black_box(libc::recvmsg(b.as_raw_fd(), &mut r, 0)), LEN as isize);
                }
            }
        }
        "sock" => {
            for _ in 0..n {
                black_box(a.send_msg(&[IoSlice::new(black_box(&data))], &[], MsgFlags::NONE, None).unwrap());
                black_box(b.recv_msg_addr(&mut [IoSliceMut::new(&mut buf)], &mut [], MsgFlags::NONE, None).unwrap());
            }
        }
        "socket2" => {
            let (a, b) = (socket2::Socket::from(OwnedFd::from(a)), socket2::Socket::from(OwnedFd::from(b)));
            for _ in 0..n {
                let bufs = [IoSlice::new(black_box(&data))];
                black_box(a.sendmsg(&socket2::MsgHdr::new().with_buffers(&bufs), 0).unwrap());
                let mut bufs = [socket2::MaybeUninitSlice::new(
                    // SAFETY: a `[u8]` buffer is valid as `[MaybeUninit<u8>]` (recvmsg only writes it).
                    unsafe { &mut *(&mut buf[..] as *mut [u8] as *mut [std::mem::MaybeUninit<u8>]) },
                )];
                black_box(b.recvmsg(&mut socket2::MsgHdrMut::new().with_buffers(&mut bufs), 0).unwrap());
            }
        }
        "nix" => {
            use nix::sys::socket::{recvmsg, sendmsg, MsgFlags as NixFlags, UnixAddr};
            for _ in 0..n {
                let iov = [IoSlice::new(black_box(&data))];
                black_box(sendmsg::<UnixAddr>(a.as_raw_fd(), &iov, &[], NixFlags::empty(), None).unwrap());
                let mut iov = [IoSliceMut::new(&mut buf)];
                black_box(recvmsg::<UnixAddr>(b.as_raw_fd(), &mut iov, None, NixFlags::empty()).unwrap().bytes);
            }
        }
        _ => return false,
    }
    true
}

/// A value aligned to 64 bytes.
#[repr(C, align(64))]
struct Aligned<T>(T);

fn batch(imp: &str, n: usize) -> bool {
    let (a, b) = sock_pair(Setup::Blocking);
    let data = [0x5au8; LEN];
    match imp {
        "libc" => {
            let mut bufs = [[0u8; LEN]; BATCH];
            // The same work as `recv_many`: each message's sender address is received too.
            // SAFETY: sockaddr_storage is plain data; all zeroes is a valid value.
            let mut names: [libc::sockaddr_storage; BATCH] = unsafe { std::mem::zeroed() };
            for _ in 0..n {
                // SAFETY: the mmsghdr arrays point to live, correctly sized buffers.
                unsafe {
                    let mut iovs: [libc::iovec; BATCH] =
                        std::array::from_fn(|_| libc::iovec { iov_base: data.as_ptr() as *mut _, iov_len: LEN });
                    // 64-byte aligned, so memset's path (and count) does not depend on where
                    // the stack starts, which moves with the size of the environment.
                    let mut hdrs: Aligned<[libc::mmsghdr; BATCH]> = std::mem::zeroed();
                    let hdrs = &mut hdrs.0;
                    for (h, iov) in hdrs.iter_mut().zip(iovs.iter_mut()) {
                        h.msg_hdr.msg_iov = iov;
                        h.msg_hdr.msg_iovlen = 1;
                    }
                    assert_eq!(libc::sendmmsg(a.as_raw_fd(), hdrs.as_mut_ptr(), BATCH as u32, 0), BATCH as i32);
                    let mut riovs: [libc::iovec; BATCH] =
                        std::array::from_fn(|i| libc::iovec { iov_base: bufs[i].as_mut_ptr().cast(), iov_len: LEN });
                    let mut rhdrs: Aligned<[libc::mmsghdr; BATCH]> = std::mem::zeroed();
                    let rhdrs = &mut rhdrs.0;
                    for ((h, iov), name) in rhdrs.iter_mut().zip(riovs.iter_mut()).zip(names.iter_mut()) {
                        h.msg_hdr.msg_iov = iov;
                        h.msg_hdr.msg_iovlen = 1;
                        h.msg_hdr.msg_name = (name as *mut libc::sockaddr_storage).cast();
                        h.msg_hdr.msg_namelen = std::mem::size_of::<libc::sockaddr_storage>() as u32;
                    }
                    let r = libc::recvmmsg(b.as_raw_fd(), rhdrs.as_mut_ptr(), BATCH as u32, 0, std::ptr::null_mut());
                    assert_eq!(black_box(r), BATCH as i32);
                }
            }
        }
        "sock" => {
            let mut rb = RecvBatch::new(BATCH, LEN).unwrap();
            let mut sb = SendBatch::with_capacity(BATCH);
            let msgs = [&data[..]; BATCH]; // a connected socket's messages: byte buffers
            for _ in 0..n {
                assert_eq!(a.send_many(black_box(&msgs), &mut sb, MsgFlags::NONE).unwrap(), BATCH);
                assert_eq!(black_box(b.recv_many(&mut rb, MsgFlags::NONE).unwrap()), BATCH);
            }
        }
        _ => return false,
    }
    true
}
