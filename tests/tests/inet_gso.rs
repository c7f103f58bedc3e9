//! UDP segmentation offload (`UDP_SEGMENT`, as a socket option and as a per-send ancillary
//! item) and receive coalescing (`UDP_GRO` with its ancillary segment size, split with
//! `gro_segments`) over IPv4 and IPv6 loopback, against the real kernel: exact datagram counts
//! and contents, and the kernel's and our own refusals of bad segment sizes.
#![cfg(feature = "inet")]

use std::io::{self, IoSlice, IoSliceMut};
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
