//! UDP segmentation offload (`UDP_SEGMENT`, as a socket option and as a per-send ancillary
//! item) and receive coalescing (`UDP_GRO` with its ancillary segment size, split with
//! `gro_segments`) over IPv4 and IPv6 loopback, against the real kernel: exact datagram counts
//! and contents, and the kernel's and our own refusals of bad segment sizes.
#![cfg(feature = "inet")]

use std::io::{self, IoSlice, IoSliceMut};
use std::thread;
use std::time::Duration;

use sock_core::cmsg::CmsgWriter;
use sock_core::consts::{MSG_DONTWAIT, SOL_SOCKET, SO_RCVBUF};
use sock_core::{Family, SockAddr, Socket, Type};
use sock_inet::consts::{SOL_UDP, UDP_SEGMENT};
use sock_inet::*;

/// The segment size of every test.
const SEG: usize = 1200;
/// One send's payload: 54 full segments and a 300-byte tail (55 datagrams, under the IPv4
/// limit of 65507 bytes and the kernel's 64 segments per send).
const TOTAL: usize = 54 * SEG + 300;

/// A payload where every byte depends on its offset, so a lost, reordered or shifted segment
/// shows. `salt` tells sends apart.
fn payload(len: usize, salt: u8) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8 ^ (i / SEG) as u8 ^ salt.wrapping_mul(37)).collect()
}

/// The datagrams `data` should arrive as with segment size `seg`, computed independently of
/// `gro_segments`.
fn expected(data: &[u8], seg: usize) -> Vec<Vec<u8>> {
    data.chunks(seg).map(<[u8]>::to_vec).collect()
}

/// A receiver and a sender bound to `host` port 0 (the receiver with a 5 s timeout and a
/// 4 MiB receive buffer asked for) and the receiver's address; `None` (after a skip line) if
/// the family's loopback is missing.
fn sockets(family: Family, host: &str) -> Option<(Socket, Socket, SockAddr)> {
    let rx = Socket::new(family, Type::DGRAM, None).unwrap();
    if !sock_tests::require(&format!("a UDP socket bound to {host}"), rx.bind((host, 0))) {
        return None;
    }
    rx.set_timeout(Some(Duration::from_secs(5))).unwrap();
    rx.setsockopt_int(SOL_SOCKET, SO_RCVBUF, 4 << 20).unwrap();
    let tx = Socket::new(family, Type::DGRAM, None).unwrap();
    tx.bind((host, 0)).unwrap();
    let to = rx.local_addr().unwrap();
    Some((rx, tx, to))
}

/// Whether the kernel takes `UDP_SEGMENT` (Linux ≥ 4.18); probed on a scratch socket.
fn require_gso(family: Family) -> bool {
    let probe = Socket::new(family, Type::DGRAM, None).and_then(|s| s.set_udp_segment(SEG as u16));
    sock_tests::require("UDP_SEGMENT (UDP GSO, Linux 4.18)", probe)
}

/// Whether the kernel takes `UDP_GRO` (Linux ≥ 5.0).
fn require_gro(family: Family) -> bool {
    let probe = Socket::new(family, Type::DGRAM, None).and_then(|s| s.set_udp_gro(true));
    sock_tests::require("UDP_GRO (UDP receive coalescing, Linux 5.0)", probe)
}

/// Receives datagrams one by one until `want` arrived (each must come from `from`), then checks
/// that nothing else is queued.
fn recv_datagrams(rx: &Socket, from: &SockAddr, want: &[Vec<u8>]) {
    let mut buf = vec![0u8; 65536];
    for (i, expect) in want.iter().enumerate() {
        let (n, sender) = rx.recv_from(&mut buf).unwrap_or_else(|e| panic!("datagram {i}: {e}"));
        assert_eq!(decode(&sender).unwrap(), decode(from).unwrap());
        assert_eq!(n, expect.len(), "length of datagram {i}");
        assert!(buf[..n] == expect[..], "contents of datagram {i}");
    }
    let more = rx.recv_with_flags(&mut buf, MSG_DONTWAIT).map_err(|e| e.kind());
    assert_eq!(more, Err(io::ErrorKind::WouldBlock), "no datagram beyond the expected {}", want.len());
}

fn gso_option(family: Family, host: &str) {
    let Some((rx, tx, to)) = sockets(family, host) else { return };
    if !require_gso(family) {
        return;
    }
    tx.set_udp_segment(SEG as u16).unwrap();
    assert_eq!(tx.udp_segment().unwrap(), SEG as u16);
    assert_eq!(tx.get(opt::UDP_SEGMENT).unwrap(), SEG as i32);
    let data = payload(TOTAL, 1);
    assert_eq!(tx.send_to(&data, to).unwrap(), TOTAL);
    let want = expected(&data, SEG);
    assert_eq!(want.len(), 55);
    recv_datagrams(&rx, &tx.local_addr().unwrap(), &want);

    // 0 turns it off: the same send is one datagram again.
    tx.set_udp_segment(0).unwrap();
    assert_eq!(tx.udp_segment().unwrap(), 0);
    tx.send_to(&data, to).unwrap();
    recv_datagrams(&rx, &tx.local_addr().unwrap(), &[data]);
}

#[test]
fn gso_option_v4() {
    gso_option(Family::INET, "127.0.0.1");
}

#[test]
fn gso_option_v6() {
    gso_option(Family::INET6, "::1");
}

/// `send_msg` with one `UDP_SEGMENT` item of `seg` bytes.
fn send_segmented(tx: &Socket, data: &[u8], seg: u16, to: &SockAddr) -> io::Result<usize> {
    let mut control = [0u8; 32];
    let mut w = CmsgWriter::new(&mut control);
    InetCmsg::UdpSegment(seg).encode(&mut w)?;
    let len = w.len();
    tx.send_msg(&[IoSlice::new(data)], &control[..len], 0, Some(to))
}

fn gso_cmsg(family: Family, host: &str) {
    let Some((rx, tx, to)) = sockets(family, host) else { return };
    if !require_gso(family) {
        return;
    }
    let from = tx.local_addr().unwrap();
    let data = payload(TOTAL, 2);
    let seg = checked_segment_size(SEG).unwrap();
    assert_eq!(send_segmented(&tx, &data, seg, &to).unwrap(), TOTAL);
    recv_datagrams(&rx, &from, &expected(&data, SEG));

    // The item overrides the option, for this send only.
    tx.set_udp_segment(500).unwrap();
    send_segmented(&tx, &data, seg, &to).unwrap();
    recv_datagrams(&rx, &from, &expected(&data, SEG));
    // 0 in the item: one datagram, whatever the option says.
    send_segmented(&tx, &data, 0, &to).unwrap();
    recv_datagrams(&rx, &from, std::slice::from_ref(&data));
    // A segment size at least the payload: one datagram.
    send_segmented(&tx, &data[..SEG], seg, &to).unwrap();
    recv_datagrams(&rx, &from, &[data[..SEG].to_vec()]);
    // And the option again, without an item.
    tx.send_to(&data[..1234], to).unwrap();
    recv_datagrams(&rx, &from, &expected(&data[..1234], 500));
}

#[test]
fn gso_cmsg_v4() {
    gso_cmsg(Family::INET, "127.0.0.1");
}

#[test]
fn gso_cmsg_v6() {
    gso_cmsg(Family::INET6, "::1");
}

/// Sends four payloads with GSO to a `UDP_GRO` receiver, receiving after each send until all
/// its bytes are in (so a small default `rmem_max` cannot drop any), and checks that the split
/// buffers equal the datagrams sent. Returns how many receives held more than one datagram.
fn gro(family: Family, host: &str) -> Option<usize> {
    let (rx, tx, to) = sockets(family, host)?;
    if !require_gso(family) || !require_gro(family) {
        return None;
    }
    rx.set_udp_gro(true).unwrap();
    assert!(rx.udp_gro().unwrap());
    assert!(rx.get(opt::UDP_GRO).unwrap());
    tx.set_udp_segment(SEG as u16).unwrap();

    let sends: Vec<Vec<u8>> = (0..4).map(|salt| payload(TOTAL - usize::from(salt) * 7, 10 + salt)).collect();
    let (mut buf, mut control) = (vec![0u8; 65536], [0u8; 64]);
    let (mut want, mut got, mut receives, mut coalesced) = (Vec::new(), Vec::new(), 0, 0);
    for data in &sends {
        assert_eq!(tx.send_to(data, to).unwrap(), data.len());
        want.extend(expected(data, SEG));
        let mut received = 0;
        while received < data.len() {
            receives += 1;
            let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut control, 0).unwrap();
            assert!(!msg.is_truncated() && !msg.is_control_truncated());
            received += msg.bytes;
            let items: Vec<InetCmsg> = InetCmsg::parse(&control[..msg.control_len]).collect();
            let size = gro_segment_size(&control[..msg.control_len]);
            match items[..] {
                [InetCmsg::UdpGro(n)] => assert_eq!(usize::from(n), SEG, "segment size of a coalesced buffer"),
                [] => assert!(msg.bytes <= SEG, "a buffer without UDP_GRO item is one datagram"),
                _ => panic!("unexpected ancillary items {items:?}"),
            }
            let segments = gro_segments(&buf[..msg.bytes], size);
            if segments.len() > 1 {
                coalesced += 1;
            }
            got.extend(segments.map(<[u8]>::to_vec));
        }
        assert_eq!(received, data.len());
    }
    println!("{host}: {} datagrams in {receives} receives, {coalesced} of them coalesced", want.len());
    assert_eq!(got.len(), want.len(), "datagram count");
    assert!(got == want, "datagram contents");

    // A datagram sent without GSO arrives alone and without the item.
    let plain = Socket::new(family, Type::DGRAM, None).unwrap();
    plain.send_to(&sends[0][..300], to).unwrap();
    let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut control, 0).unwrap();
    assert_eq!(msg.control_len, 0);
    assert_eq!(gro_segment_size(&control[..msg.control_len]), 0);
    assert_eq!(gro_segments(&buf[..msg.bytes], 0).collect::<Vec<_>>(), [&sends[0][..300]]);
    Some(coalesced)
}

#[test]
fn gro_v4() {
    if let Some(coalesced) = gro(Family::INET, "127.0.0.1") {
        // Loopback hands the GSO packet to a GRO socket whole: each send is one receive.
        assert!(coalesced > 0, "no receive on IPv4 loopback carried more than one datagram");
    }
}

#[test]
fn gro_v6() {
    if let Some(coalesced) = gro(Family::INET6, "::1") {
        assert!(coalesced > 0, "no receive on IPv6 loopback carried more than one datagram");
    }
}

#[test]
fn bad_segment_sizes() {
    for size in [0, 65536, usize::MAX] {
        let e = checked_segment_size(size).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("segment_size"), "{e}");
    }
    let Some((rx, tx, to)) = sockets(Family::INET, "127.0.0.1") else { return };
    if !require_gso(Family::INET) {
        return;
    }
    // The kernel's refusals are EINVAL, kind InvalidInput, too: a raw option value over 65535,
    let raw = tx.setsockopt_int(SOL_UDP, UDP_SEGMENT, 65536).unwrap_err();
    assert_eq!(raw.kind(), io::ErrorKind::InvalidInput, "{raw}");
    // more segments in one send than the kernel allows (64, or 128 since Linux 6.10),
    let data = payload(TOTAL, 3);
    let many = send_segmented(&tx, &data, 100, &to).unwrap_err();
    assert_eq!(many.kind(), io::ErrorKind::InvalidInput, "{many}");
    tx.set_udp_segment(100).unwrap();
    let many = tx.send_to(&data, to).unwrap_err();
    assert_eq!(many.kind(), io::ErrorKind::InvalidInput, "{many}");
    // and an item of the wrong size (an int where the kernel wants a u16).
    let mut control = [0u8; 32];
    let mut w = CmsgWriter::new(&mut control);
    w.push_value(SOL_UDP, UDP_SEGMENT, &(SEG as i32)).unwrap();
    let len = w.len();
    let wrong = tx.send_msg(&[IoSlice::new(&data)], &control[..len], 0, Some(&to)).unwrap_err();
    assert_eq!(wrong.kind(), io::ErrorKind::InvalidInput, "{wrong}");
    // Nothing of the refused sends arrived.
    let mut buf = [0u8; 16];
    assert_eq!(rx.recv_with_flags(&mut buf, MSG_DONTWAIT).map_err(|e| e.kind()), Err(io::ErrorKind::WouldBlock));
}

// ---- GsoSender: probe once, offload, and every fallback ----

/// Receives `want` datagrams on `rx` and returns their lengths, checking the contents against
/// `data` split at `seg`.
fn recv_split(rx: &Socket, data: &[u8], seg: usize) {
    let want = if data.is_empty() { vec![Vec::new()] } else { expected(data, seg) };
    let mut buf = vec![0u8; 65536];
    for (i, expect) in want.iter().enumerate() {
        let n = rx.recv(&mut buf).unwrap_or_else(|e| panic!("datagram {i} of {}: {e}", want.len()));
        assert_eq!(n, expect.len(), "length of datagram {i}");
        assert!(buf[..n] == expect[..], "contents of datagram {i}");
    }
    let more = rx.recv_with_flags(&mut buf, MSG_DONTWAIT).map_err(|e| e.kind());
    assert_eq!(more, Err(io::ErrorKind::WouldBlock), "no datagram beyond the expected {}", want.len());
}

/// 250 segments: more than one send can carry, so several `sendmsg` calls.
const MANY: usize = 250 * 500 + 77;

fn sender_offload(family: Family, host: &str) {
    let Some((rx, tx, to)) = sockets(family, host) else { return };
    if !require_gso(family) {
        return;
    }
    let tx = GsoSender::new(tx).unwrap();
    let GsoSupport::Offload { max_segments } = tx.support() else { panic!("probe said {}", tx.support()) };
    assert!(max_segments == 64 || max_segments == 128);
    let to = decode(&to).unwrap();
    // Received after each send, so a small rmem_max cannot drop any.
    for (len, seg) in [(MANY, 500), (TOTAL, SEG), (SEG, SEG), (10, SEG), (0, SEG)] {
        let data = payload(len, 4);
        assert_eq!(tx.send_segments_to(&data, seg, to).unwrap(), len);
        recv_split(&rx, &data, seg);
    }
    let stats = tx.stats();
    let per_send = max_segments.min(UDP_MAX_PAYLOAD / 500);
    let many_sends = 251usize.div_ceil(per_send) as u64;
    // TOTAL (55 segments, 65100 bytes) fits one send.
    assert_eq!(stats.segmented_sends, many_sends + 1, "{stats:?}");
    assert_eq!(stats.segmented_datagrams, 251 + 55);
    assert_eq!(stats.plain_datagrams, 3, "single datagrams go plain: {stats:?}");
    assert_eq!((stats.refused_sends, tx.support().is_offload()), (0, true));
}

#[test]
fn sender_offload_v4() {
    sender_offload(Family::INET, "127.0.0.1");
}

#[test]
fn sender_offload_v6() {
    sender_offload(Family::INET6, "::1");
}

/// Runs `f` on a thread of its own under a seccomp filter that makes `setsockopt` and
/// `getsockopt` of `SOL_UDP`/`UDP_SEGMENT` fail with `ENOPROTOOPT`: a kernel without UDP GSO,
/// as the probe sees it. The filter dies with the thread. `None` if seccomp is unavailable.
fn without_udp_segment<T: Send>(f: impl FnOnce() -> T + Send) -> Option<T> {
    thread::scope(|scope| {
        scope
            .spawn(|| {
                const LD_W_ABS: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS
                const JEQ_K: u16 = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
                const RET_K: u16 = 0x06; // BPF_RET | BPF_K
                let ins = |code, jt, jf, k| libc::sock_filter { code, jt, jf, k };
                // seccomp_data: nr at 0, args[i] at 16 + 8 i (the low half first on little endian).
                let filter = [
                    ins(LD_W_ABS, 0, 0, 0),
                    ins(JEQ_K, 2, 0, libc::SYS_setsockopt as u32),
                    ins(JEQ_K, 1, 0, libc::SYS_getsockopt as u32),
                    ins(RET_K, 0, 0, libc::SECCOMP_RET_ALLOW),
                    ins(LD_W_ABS, 0, 0, 24),
                    ins(JEQ_K, 0, 3, SOL_UDP as u32),
                    ins(LD_W_ABS, 0, 0, 32),
                    ins(JEQ_K, 0, 1, UDP_SEGMENT as u32),
                    ins(RET_K, 0, 0, libc::SECCOMP_RET_ERRNO | libc::ENOPROTOOPT as u32),
                    ins(RET_K, 0, 0, libc::SECCOMP_RET_ALLOW),
                ];
                let prog = libc::sock_fprog { len: filter.len() as u16, filter: filter.as_ptr().cast_mut() };
                // SAFETY: prctl with integer arguments; PR_SET_NO_NEW_PRIVS affects this thread only.
                let nnp = unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) };
                // SAFETY: `prog` points to `filter`, both alive for the call, which copies them;
                // without SECCOMP_FILTER_FLAG_TSYNC the filter binds this thread only.
                let set = unsafe { libc::prctl(libc::PR_SET_SECCOMP, libc::SECCOMP_MODE_FILTER, &prog as *const _) };
                let probe = if nnp == 0 && set == 0 { Ok(()) } else { Err(io::Error::last_os_error()) };
                if !sock_tests::require("seccomp filters (to simulate a kernel without UDP_SEGMENT)", probe) {
                    return None;
                }
                Some(f())
            })
            .join()
            .unwrap()
    })
}

#[test]
fn fallback_when_the_kernel_lacks_udp_segment() {
    let Some((rx, tx, to)) = sockets(Family::INET, "127.0.0.1") else { return };
    let to = decode(&to).unwrap();
    let data = payload(TOTAL, 5);
    let result = without_udp_segment(|| {
        let refused = tx.set_udp_segment(SEG as u16).unwrap_err();
        assert_eq!(refused.raw_os_error(), Some(libc::ENOPROTOOPT), "the filter works");
        let gso = GsoSender::new(&tx).unwrap();
        let support = gso.support();
        (support, gso.send_segments_to(&data, SEG, to).unwrap(), gso.stats())
    });
    let Some((support, sent, stats)) = result else { return };
    assert_eq!(support, GsoSupport::KernelLacks { errno: libc::ENOPROTOOPT });
    assert_eq!(sent, TOTAL);
    assert_eq!((stats.segmented_sends, stats.refused_sends, stats.plain_datagrams), (0, 0, 55));
    recv_split(&rx, &data, SEG);
}

/// Turns off UDP checksums of `tx`: `SO_NO_CHECK` on IPv4, `UDP_NO_CHECK6_TX` (101) on IPv6,
/// where the receiver must then accept a zero checksum (`UDP_NO_CHECK6_RX`, 102).
fn no_checksums(tx: &Socket, rx: &Socket, family: Family) {
    if family == Family::INET {
        tx.setsockopt_int(SOL_SOCKET, sock_core::consts::SO_NO_CHECK, 1).unwrap();
    } else {
        tx.setsockopt_int(SOL_UDP, 101, 1).unwrap();
        rx.setsockopt_int(SOL_UDP, 102, 1).unwrap();
    }
}

/// No UDP checksums makes every segmented send `EINVAL` (GSO needs checksum offload): the
/// first send falls back and the sender remembers it.
fn fallback_einval(family: Family, host: &str) {
    let Some((rx, tx, to)) = sockets(family, host) else { return };
    if !require_gso(family) {
        return;
    }
    no_checksums(&tx, &rx, family);
    let tx = GsoSender::new(tx).unwrap();
    assert!(tx.support().is_offload(), "the probe cannot know");
    let to = decode(&to).unwrap();
    let data = payload(TOTAL, 6);
    assert_eq!(tx.send_segments_to(&data, SEG, to).unwrap(), TOTAL);
    assert_eq!(tx.support(), GsoSupport::SendRefused { errno: libc::EINVAL });
    recv_split(&rx, &data, SEG);
    assert_eq!(tx.send_segments_to(&data, SEG, to).unwrap(), TOTAL);
    recv_split(&rx, &data, SEG);
    let stats = tx.stats();
    assert_eq!((stats.segmented_sends, stats.refused_sends, stats.plain_datagrams), (0, 1, 110), "remembered");
}

#[test]
fn fallback_einval_v4() {
    fallback_einval(Family::INET, "127.0.0.1");
}

#[test]
fn fallback_einval_v6() {
    fallback_einval(Family::INET6, "::1");
}

/// UDP-Lite takes the `UDP_SEGMENT` option but the kernel refuses the segmented send with
/// `EIO`: the EIO fallback on any host.
#[test]
fn fallback_eio_udplite() {
    let Ok(rx) = Socket::new(Family::INET, Type::DGRAM, Some(sock_core::Protocol(libc::IPPROTO_UDPLITE))) else {
        let probe = Socket::new(Family::INET, Type::DGRAM, Some(sock_core::Protocol(libc::IPPROTO_UDPLITE)));
        sock_tests::require("UDP-Lite sockets", probe);
        return;
    };
    rx.bind(("127.0.0.1", 0)).unwrap();
    rx.set_timeout(Some(Duration::from_secs(5))).unwrap();
    rx.setsockopt_int(SOL_SOCKET, SO_RCVBUF, 4 << 20).unwrap();
    let tx = Socket::new(Family::INET, Type::DGRAM, Some(sock_core::Protocol(libc::IPPROTO_UDPLITE))).unwrap();
    tx.connect(rx.local_addr().unwrap()).unwrap();
    let tx = GsoSender::new(tx).unwrap();
    let data = payload(TOTAL, 7);
    assert_eq!(tx.send_segments(&data, SEG).unwrap(), TOTAL);
    assert_eq!(tx.support(), GsoSupport::SendRefused { errno: libc::EIO });
    assert_eq!(tx.stats().plain_datagrams, 55);
    recv_split(&rx, &data, SEG);
}

/// A refused send whose plain sends fail too returns their error and remembers nothing.
#[test]
fn a_failing_fallback_is_not_remembered() {
    let Some((_rx, tx, _)) = sockets(Family::INET, "127.0.0.1") else { return };
    if !require_gso(Family::INET) {
        return;
    }
    tx.setsockopt_int(SOL_SOCKET, sock_core::consts::SO_NO_CHECK, 1).unwrap();
    let tx = GsoSender::new(tx).unwrap();
    // An IPv6 destination on an IPv4 socket: the plain send is refused as well.
    let e = tx.send_segments_to(&payload(TOTAL, 8), SEG, "[::1]:9".parse().unwrap()).unwrap_err();
    assert!(e.raw_os_error().is_some() || e.kind() == io::ErrorKind::InvalidInput, "{e}");
    assert!(tx.support().is_offload(), "{}", tx.support());
    let empty = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    assert_eq!(GsoSender::new(&empty).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(tx.send_segments(&[1], 0).unwrap_err().kind(), io::ErrorKind::InvalidInput);
}

// ---- GRO with every ancillary item at once ----

fn gro_everything(family: Family, host: &str) {
    let Some((rx, tx, to)) = sockets(family, host) else { return };
    if !require_gso(family) || !require_gro(family) {
        return;
    }
    rx.set_udp_gro(true).unwrap();
    rx.setsockopt_int(SOL_SOCKET, libc::SO_TIMESTAMPNS, 1).unwrap();
    // SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE
    rx.setsockopt_int(SOL_SOCKET, libc::SO_TIMESTAMPING, (1 << 3) | (1 << 4)).unwrap();
    if family == Family::INET {
        for o in [opt::IP_RECVTOS, opt::IP_PKTINFO, opt::IP_RECVTTL] {
            rx.set(o, &true).unwrap();
        }
    } else {
        for o in [opt::IPV6_RECVTCLASS, opt::IPV6_RECVPKTINFO, opt::IPV6_RECVHOPLIMIT] {
            rx.set(o, &true).unwrap();
        }
    }
    let tx = GsoSender::new(tx).unwrap();
    let to = decode(&to).unwrap();
    let data = payload(TOTAL, 9);
    tx.send_segments_to(&data, SEG, to).unwrap();
    let (mut buf, mut control) = (vec![0u8; GRO_BUFFER_LEN], [0u8; GRO_CONTROL_LEN]);
    let mut got = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    while got.len() < 55 {
        let msg = rx.recv_gro_with_control(&mut buf, &mut control).unwrap();
        assert!(!msg.flags.contains(sock_core::MsgFlags::CTRUNC), "GRO_CONTROL_LEN holds every item");
        for item in sock_core::cmsg::CmsgIter::new(&control[..msg.control_len]) {
            kinds.insert((item.level, item.ty));
        }
        got.extend(msg.segments(&buf).map(<[u8]>::to_vec));
    }
    assert!(got == expected(&data, SEG));
    println!("{host}: items {kinds:?} in {GRO_CONTROL_LEN} bytes");
    assert!(kinds.len() >= 5, "GRO, two timestamps, TOS/TCLASS, PKTINFO, TTL/HOPLIMIT: {kinds:?}");

    // A control buffer with room for the timestamps only: the GRO item is cut, and a
    // coalesced receive says so instead of passing the batch off as one datagram.
    tx.send_segments_to(&data, SEG, to).unwrap();
    let mut small = [0u8; 40];
    let mut left = 55;
    while left > 0 {
        match rx.recv_gro_with_control(&mut buf, &mut small) {
            Ok(msg) => left -= msg.segments(&buf).count(),
            Err(e) => {
                assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{e}");
                assert!(e.to_string().contains("GRO_CONTROL_LEN"), "{e}");
                return;
            }
        }
    }
    panic!("a 40-byte control buffer never cut the UDP_GRO item");
}

#[test]
fn gro_with_every_item_v4() {
    gro_everything(Family::INET, "127.0.0.1");
}

#[test]
fn gro_with_every_item_v6() {
    gro_everything(Family::INET6, "::1");
}

// ---- async: the same decisions ----

#[cfg(feature = "tokio")]
#[test]
fn async_sender_falls_back_the_same_way() {
    // A runtime by hand: the glob import of sock_inet shadows the `tokio` crate's macros.
    let runtime = ::tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async_sender());
}

#[cfg(feature = "tokio")]
async fn async_sender() {
    use sock_inet::tokio::{AsyncInetExt, AsyncSocket, GsoSender as AsyncGso};
    let Some((rx, tx, to)) = sockets(Family::INET, "127.0.0.1") else { return };
    if !require_gso(Family::INET) {
        return;
    }
    tx.setsockopt_int(SOL_SOCKET, sock_core::consts::SO_NO_CHECK, 1).unwrap();
    let to = decode(&to).unwrap();
    let tx = AsyncGso::new(AsyncSocket::new(tx).unwrap()).unwrap();
    let data = payload(TOTAL, 10);
    assert_eq!(tx.send_segments_to(&data, SEG, to).await.unwrap(), TOTAL);
    assert_eq!(tx.support(), GsoSupport::SendRefused { errno: libc::EINVAL });
    assert_eq!(tx.stats().plain_datagrams, 55);
    recv_split(&rx, &data, SEG);
    // The stateless form falls back within the call.
    let raw = tx.into_inner();
    assert_eq!(raw.send_segments_to(&data, SEG, to).await.unwrap(), TOTAL);
    recv_split(&rx, &data, SEG);
    // And sends more than one sendmsg can carry.
    raw.socket().setsockopt_int(SOL_SOCKET, sock_core::consts::SO_NO_CHECK, 0).unwrap();
    let many = payload(MANY, 11);
    assert_eq!(raw.send_segments_to(&many, 500, to).await.unwrap(), MANY);
    recv_split(&rx, &many, 500);
}

// ---- a real device path: a veth pair between two network namespaces ----
//
// The namespaces and the pair are made with raw rtnetlink messages and the device features
// are switched with the `SIOCETHTOOL` ioctl (what `ethtool -K` does), so neither `ip` nor
// `ethtool` is needed (the VM has only busybox). As in tests/packet.rs, everything lives in a
// thread of its own and vanishes with it.

mod veth {
    use std::io;
    use std::net::Ipv4Addr;
    use std::os::fd::{AsRawFd, OwnedFd};
    use std::time::Duration;

    use nix::sched::{setns, unshare, CloneFlags};
    use sock_core::{Family, Protocol, Socket, Type};

    fn nla(buf: &mut Vec<u8>, ty: u16, data: &[u8]) {
        buf.extend_from_slice(&((4 + data.len()) as u16).to_ne_bytes());
        buf.extend_from_slice(&ty.to_ne_bytes());
        buf.extend_from_slice(data);
        buf.resize(buf.len().next_multiple_of(4), 0);
    }

    fn nest(buf: &mut Vec<u8>, ty: u16, fill: impl FnOnce(&mut Vec<u8>)) {
        let start = buf.len();
        buf.extend_from_slice(&[0; 4]);
        fill(buf);
        let len = (buf.len() - start) as u16;
        buf[start..start + 2].copy_from_slice(&len.to_ne_bytes());
        buf[start + 2..start + 4].copy_from_slice(&(ty | 0x8000).to_ne_bytes());
    }

    fn ifinfomsg(index: i32, flags: u32, change: u32) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[4..8].copy_from_slice(&index.to_ne_bytes());
        b[8..12].copy_from_slice(&flags.to_ne_bytes());
        b[12..16].copy_from_slice(&change.to_ne_bytes());
        b
    }

    /// One rtnetlink request with an acknowledgement, in the calling thread's namespace.
    fn rtnl(ty: u16, flags: u16, body: &[u8]) -> io::Result<()> {
        let nl = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(0)))?;
        nl.set_timeout(Some(Duration::from_secs(5)))?;
        let mut msg = Vec::new();
        msg.extend_from_slice(&((16 + body.len()) as u32).to_ne_bytes());
        msg.extend_from_slice(&ty.to_ne_bytes());
        msg.extend_from_slice(&(flags | 0x1 | 0x4).to_ne_bytes()); // NLM_F_REQUEST | NLM_F_ACK
        msg.extend_from_slice(&[0; 8]);
        msg.extend_from_slice(body);
        let mut kernel = [0u8; 12];
        kernel[..2].copy_from_slice(&(libc::AF_NETLINK as u16).to_ne_bytes());
        nl.send_to(&msg, sock_core::SockAddr::from_bytes(&kernel)?)?;
        let mut buf = vec![0u8; 65536];
        loop {
            let n = nl.recv(&mut buf)?;
            let mut at = 0;
            while at + 16 <= n {
                let len = u32::from_ne_bytes(buf[at..at + 4].try_into().unwrap()) as usize;
                if u16::from_ne_bytes(buf[at + 4..at + 6].try_into().unwrap()) == 2 {
                    let code = i32::from_ne_bytes(buf[at + 16..at + 20].try_into().unwrap());
                    return if code == 0 { Ok(()) } else { Err(io::Error::from_raw_os_error(-code)) };
                }
                at += len.max(16).next_multiple_of(4);
            }
        }
    }

    /// `ifreq` with a name and a pointer or int payload.
    #[repr(C)]
    struct IfReq {
        name: [u8; 16],
        data: usize,
        _pad: [u8; 16],
    }

    fn ifreq(name: &str, data: usize) -> IfReq {
        let mut r = IfReq { name: [0; 16], data, _pad: [0; 16] };
        r.name[..name.len()].copy_from_slice(name.as_bytes());
        r
    }

    fn ioctl(req: libc::c_ulong, r: &mut IfReq) -> io::Result<()> {
        let s = Socket::new(Family::INET, Type::DGRAM, None)?;
        // SAFETY: `r` is a valid ifreq (name NUL-terminated within 16 bytes) for the call; for
        // SIOCETHTOOL its data pointer points to a live, large enough ethtool structure.
        let rc = unsafe { libc::ioctl(s.as_raw_fd(), req as _, r as *mut IfReq) };
        if rc < 0 {
            Err(io::Error::last_os_error())
        } else {
            Ok(())
        }
    }

    /// `ethtool -K dev feature off`: finds the feature's bit in the `ETH_SS_FEATURES` string
    /// set, clears it with `ETHTOOL_SFEATURES` and checks with `ETHTOOL_GFEATURES` that it is
    /// no longer active.
    pub fn feature_off(dev: &str, feature: &str) -> io::Result<()> {
        const SIOCETHTOOL: libc::c_ulong = 0x8946;
        // ETHTOOL_GSSET_INFO: { cmd, reserved, sset_mask u64, data[1] }
        let mut info = [0u32; 6];
        info[0] = 0x37;
        info[2] = 1 << 4; // ETH_SS_FEATURES
        ioctl(SIOCETHTOOL, &mut ifreq(dev, info.as_mut_ptr() as usize))?;
        let count = info[4] as usize;
        // ETHTOOL_GSTRINGS: { cmd, string_set, len, data[len * 32] }
        let mut strings = vec![0u32; 3 + count * 8];
        strings[0] = 0x1b;
        strings[1] = 4;
        strings[2] = count as u32;
        ioctl(SIOCETHTOOL, &mut ifreq(dev, strings.as_mut_ptr() as usize))?;
        let bytes: Vec<u8> = strings[3..].iter().flat_map(|w| w.to_ne_bytes()).collect();
        let bit = bytes
            .chunks(32)
            .position(|name| name.split(|&b| b == 0).next() == Some(feature.as_bytes()))
            .ok_or_else(|| io::Error::other(format!("{dev} has no feature {feature}")))?;
        let words = count.div_ceil(32);
        // ETHTOOL_SFEATURES: { cmd, size, { valid, requested }[size] }
        let mut set = vec![0u32; 2 + 2 * words];
        set[0] = 0x3b;
        set[1] = words as u32;
        set[2 + 2 * (bit / 32)] = 1 << (bit % 32);
        ioctl(SIOCETHTOOL, &mut ifreq(dev, set.as_mut_ptr() as usize))?;
        // ETHTOOL_GFEATURES: { cmd, size, { available, requested, active, never_changed }[size] }
        let mut get = vec![0u32; 2 + 4 * words];
        get[0] = 0x3a;
        get[1] = words as u32;
        ioctl(SIOCETHTOOL, &mut ifreq(dev, get.as_mut_ptr() as usize))?;
        if get[2 + 4 * (bit / 32) + 2] & (1 << (bit % 32)) != 0 {
            return Err(io::Error::other(format!("{feature} is still on for {dev}")));
        }
        Ok(())
    }

    /// `ip link set dev mtu n` (SIOCSIFMTU).
    pub fn set_mtu(dev: &str, mtu: i32) -> io::Result<()> {
        ioctl(libc::SIOCSIFMTU, &mut ifreq(dev, mtu as u32 as usize))
    }

    fn index(name: &str) -> io::Result<u32> {
        let probe = Socket::new(Family::UNIX, Type::DGRAM, None)?;
        sock_core::if_index(&probe, &sock_core::IfName::new(name)?)
    }

    fn up_with(name: &str, addr: Ipv4Addr) -> io::Result<()> {
        let i = index(name)?;
        rtnl(16, 0, &ifinfomsg(i as i32, 1, 1))?; // RTM_NEWLINK, IFF_UP
        let mut body = vec![libc::AF_INET as u8, 24, 0, 0];
        body.extend_from_slice(&i.to_ne_bytes());
        nla(&mut body, 2, &addr.octets()); // IFA_LOCAL
        nla(&mut body, 1, &addr.octets()); // IFA_ADDRESS
        rtnl(20, 0x400 | 0x200, &body) // RTM_NEWADDR
    }

    /// Namespace A (this thread: `gsa`, 10.118.0.1) and B (`gsb`, 10.118.0.2) joined by a veth pair.
    pub struct Pair {
        pub ns_a: OwnedFd,
        pub ns_b: OwnedFd,
    }

    impl Pair {
        pub const A: Ipv4Addr = Ipv4Addr::new(10, 118, 0, 1);
        pub const B: Ipv4Addr = Ipv4Addr::new(10, 118, 0, 2);
        pub const DEV_A: &'static str = "gsa";

        pub fn in_b<T>(&self, f: impl FnOnce() -> T) -> T {
            setns(&self.ns_b, CloneFlags::CLONE_NEWNET).expect("setns B");
            let out = f();
            setns(&self.ns_a, CloneFlags::CLONE_NEWNET).expect("setns A");
            out
        }
    }

    fn netns() -> io::Result<OwnedFd> {
        Ok(std::fs::File::open("/proc/thread-self/ns/net")?.into())
    }

    /// Runs `test` in a fresh thread inside the two namespaces; skips (through `require`)
    /// without root, namespaces or veth.
    pub fn with_pair(test: impl FnOnce(&Pair) + Send) {
        if !sock_tests::require_root("UDP GSO over veth in network namespaces") {
            return;
        }
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let probe = unshare(CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
                if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
                    return;
                }
                let ns_a = netns().unwrap();
                unshare(CloneFlags::CLONE_NEWNET).unwrap();
                let ns_b = netns().unwrap();
                setns(&ns_a, CloneFlags::CLONE_NEWNET).unwrap();
                let mut body = ifinfomsg(0, 0, 0).to_vec();
                nla(&mut body, 3, b"gsa\0"); // IFLA_IFNAME
                nest(&mut body, 18, |b| {
                    nla(b, 1, b"veth\0"); // IFLA_INFO_KIND
                    nest(b, 2, |b| {
                        nest(b, 1, |b| {
                            b.extend_from_slice(&ifinfomsg(0, 0, 0));
                            nla(b, 3, b"gsb\0");
                            nla(b, 28, &(ns_b.as_raw_fd() as u32).to_ne_bytes());
                            // IFLA_NET_NS_FD
                        });
                    });
                });
                if !sock_tests::require("veth interfaces (module veth)", rtnl(16, 0x400 | 0x200, &body)) {
                    return;
                }
                let pair = Pair { ns_a, ns_b };
                pair.in_b(|| up_with("gsb", Pair::B)).unwrap();
                up_with("gsa", Pair::A).unwrap();
                test(&pair);
            });
        });
    }
}

/// A receiver in namespace B and a `GsoSender` in A over the veth pair, after one datagram
/// went through (so ARP is resolved and the path works).
fn over_veth(pair: &veth::Pair) -> (Socket, GsoSender) {
    let rx = pair.in_b(|| Socket::new(Family::INET, Type::DGRAM, None)).unwrap();
    rx.bind((veth::Pair::B.to_string().as_str(), 4242)).unwrap();
    rx.set_timeout(Some(Duration::from_secs(5))).unwrap();
    rx.setsockopt_int(SOL_SOCKET, SO_RCVBUF, 4 << 20).unwrap();
    let tx = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    tx.bind((veth::Pair::A.to_string().as_str(), 0)).unwrap();
    tx.connect((veth::Pair::B.to_string().as_str(), 4242)).unwrap();
    tx.send(b"hello").unwrap();
    assert_eq!(rx.recv_vec(64).unwrap(), b"hello");
    (rx, GsoSender::new(tx).unwrap())
}

#[test]
fn veth_without_udp_segmentation_offload_segments_in_software() {
    veth::with_pair(|pair| {
        veth::feature_off(veth::Pair::DEV_A, "tx-udp-segmentation").unwrap();
        let (rx, tx) = over_veth(pair);
        let data = payload(TOTAL, 20);
        assert_eq!(tx.send_segments(&data, SEG).unwrap(), TOTAL);
        recv_split(&rx, &data, SEG);
        // The device cannot segment, the stack does it in software: GSO still pays off.
        assert!(tx.support().is_offload(), "{}", tx.support());
        assert_eq!(tx.stats().segmented_sends, 1);
    });
}

#[test]
fn veth_with_a_small_mtu_refuses_and_falls_back() {
    veth::with_pair(|pair| {
        veth::set_mtu(veth::Pair::DEV_A, 1000).unwrap();
        let (rx, tx) = over_veth(pair);
        let data = payload(TOTAL, 21);
        // Segments of 1200 over an MTU of 1000: the kernel refuses (EINVAL; EMSGSIZE on recent
        // kernels), the plain sends are fragmented and reassembled on the way.
        assert_eq!(tx.send_segments(&data, SEG).unwrap(), TOTAL);
        let refused = tx.support();
        assert!(matches!(refused, GsoSupport::SendRefused { errno: libc::EINVAL | libc::EMSGSIZE }), "{refused}");
        println!("GSO over a too small MTU: {refused}");
        recv_split(&rx, &data, SEG);
        assert_eq!(tx.send_segments(&data, SEG).unwrap(), TOTAL);
        recv_split(&rx, &data, SEG);
        let stats = tx.stats();
        assert_eq!((stats.segmented_sends, stats.refused_sends, stats.plain_datagrams), (0, 1, 110));
    });
}

#[test]
fn veth_without_checksum_offload() {
    veth::with_pair(|pair| {
        veth::feature_off(veth::Pair::DEV_A, "tx-checksum-ip-generic").unwrap();
        let (rx, tx) = over_veth(pair);
        let data = payload(TOTAL, 22);
        assert_eq!(tx.send_segments(&data, SEG).unwrap(), TOTAL);
        recv_split(&rx, &data, SEG);
        // Before Linux 6.11 the kernel refuses GSO without checksum offload (EIO); since then
        // it checksums in software. Either way the datagrams arrive as sent.
        match tx.support() {
            GsoSupport::Offload { .. } => assert_eq!(tx.stats().segmented_sends, 1),
            GsoSupport::SendRefused { errno } => assert_eq!(errno, libc::EIO),
            other => panic!("unexpected {other}"),
        }
        println!("GSO without checksum offload: {}", tx.support());
    });
}
