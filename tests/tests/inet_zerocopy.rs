//! `MSG_ZEROCOPY` against the real kernel over loopback TCP and UDP (IPv4 and IPv6): data
//! arrives intact, every send is completed, the completions decode as typed items from the
//! raw error queue too, and — honestly — loopback reports every send as copied (the kernel
//! copies when the data reaches the local receiver).
#![cfg(feature = "inet")]

use std::io::IoSliceMut;
use std::thread;
use std::time::Duration;

use sock_core::cmsg::CmsgIter;
use sock_core::{Family, MsgFlags, Shutdown, Socket, Type};
use sock_inet::*;

const TIMEOUT: Duration = Duration::from_secs(20);

fn payload(len: usize, seed: u8) -> Vec<u8> {
    (0..len).map(|i| (i % 253) as u8 ^ seed).collect()
}

fn tcp_pair(family: Family, host: &str) -> Option<(Socket, Socket)> {
    let listener = Socket::new(family, Type::STREAM, None).unwrap();
    if !sock_tests::require(&format!("a TCP socket bound to {host}"), listener.bind((host, 0))) {
        return None;
    }
    listener.listen(Some(1)).unwrap();
    let client = Socket::new(family, Type::STREAM, None).unwrap();
    client.connect(listener.local_addr().unwrap()).unwrap();
    let (server, _) = listener.accept().unwrap();
    for s in [&client, &server] {
        s.set_timeout(Some(TIMEOUT)).unwrap();
    }
    Some((client, server))
}

fn tcp_bulk(family: Family, host: &str) {
    let Some((client, server)) = tcp_pair(family, host) else { return };
    let tx = ZeroCopySender::new(&client).unwrap();
    assert!(client.zerocopy().unwrap());
    let mut data = payload(8 << 20, 1);
    let total = data.len() * 2;
    thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut got = Vec::with_capacity(total);
            let mut buf = vec![0u8; 1 << 16];
            loop {
                let n = server.recv(&mut buf).unwrap();
                if n == 0 {
                    return got;
                }
                got.extend_from_slice(&buf[..n]);
            }
        });
        let first = tx.send_all(&data).unwrap();
        assert_eq!(first.bytes, data.len());
        assert!(first.sends >= 1);
        // Released: changing the buffer now cannot change what the first send carried.
        let second_data: Vec<u8> = data.iter().map(|b| b ^ 0xff).collect();
        data.copy_from_slice(&second_data);
        let second = tx.send_all(&data).unwrap();
        client.shutdown(Shutdown::Write).unwrap();
        let got = reader.join().unwrap();
        assert_eq!(got.len(), total);
        assert!(got[..total / 2] == payload(8 << 20, 1)[..], "first buffer intact");
        assert!(got[total / 2..] == second_data[..], "second buffer intact");
        let stats = tx.stats();
        println!(
            "{host}: {} zero-copy sends, {} notifications, {} copied",
            stats.sends, stats.notifications, stats.copied
        );
        assert_eq!(stats.sends, u64::from(first.sends + second.sends));
        assert_eq!(stats.completed, stats.sends, "every send completed");
        assert!(stats.notifications >= 1 && stats.notifications <= stats.sends);
        // Loopback: the kernel copies when the data reaches the receiving socket.
        assert!(first.copied && second.copied, "loopback reports the sends as copied");
        assert_eq!(stats.copied, stats.sends);
    });
}

#[test]
fn tcp_bulk_v4() {
    tcp_bulk(Family::INET, "127.0.0.1");
}

#[test]
fn tcp_bulk_v6() {
    tcp_bulk(Family::INET6, "::1");
}

fn udp(family: Family, host: &str) {
    let rx = Socket::new(family, Type::DGRAM, None).unwrap();
    if !sock_tests::require(&format!("a UDP socket bound to {host}"), rx.bind((host, 0))) {
        return;
    }
    rx.set_timeout(Some(TIMEOUT)).unwrap();
    rx.setsockopt_int(libc::SOL_SOCKET, libc::SO_RCVBUF, 1 << 20).unwrap();
    let to = decode(&rx.local_addr().unwrap()).unwrap();
    let sock = Socket::new(family, Type::DGRAM, None).unwrap();
    sock.set_timeout(Some(TIMEOUT)).unwrap();
    let tx = ZeroCopySender::new(sock).unwrap();
    let mut ids = Vec::new();
    for i in 0..8u8 {
        let sent = tx.send_to(&payload(30_000, i), to).unwrap();
        assert_eq!(sent.bytes, 30_000);
        ids.push(sent.id.unwrap());
    }
    assert_eq!(ids, (0..8).collect::<Vec<u32>>(), "the kernel's numbering, from 0");
    tx.wait(7).unwrap();
    tx.wait_all().unwrap();
    assert!(ids.iter().all(|&id| tx.is_complete(id)));
    let stats = tx.stats();
    assert_eq!((stats.sends, stats.completed), (8, 8));
    assert_eq!(stats.copied, 8, "loopback reports the sends as copied");
    for i in 0..8u8 {
        assert_eq!(rx.recv_vec(65536).unwrap(), payload(30_000, i), "datagram {i}");
    }
    // A zero-length datagram takes no number.
    assert_eq!(tx.send_to(&[], to).unwrap(), ZeroCopySend { bytes: 0, id: None });
    assert_eq!(rx.recv_vec(16).unwrap(), b"");
    assert_eq!(tx.stats().sends, 8);
}

#[test]
fn udp_v4() {
    udp(Family::INET, "127.0.0.1");
}

#[test]
fn udp_v6() {
    udp(Family::INET6, "::1");
}

/// The completions read by hand from the error queue decode through `DecodeCmsg`.
#[test]
fn raw_error_queue_items_decode() {
    let Some((client, server)) = tcp_pair(Family::INET, "127.0.0.1") else { return };
    client.set_zerocopy(true).unwrap();
    let data = payload(100_000, 7);
    let mut sent = 0;
    let mut sends = 0u32;
    while sent < data.len() {
        sent += client.send_with_flags(&data[sent..], MsgFlags::ZEROCOPY).unwrap();
        sends += 1;
    }
    let mut got = 0;
    let mut buf = vec![0u8; 1 << 16];
    while got < data.len() {
        got += server.recv(&mut buf).unwrap();
    }
    let mut completions = Vec::new();
    let mut control = [0u8; 128];
    let covered = |c: &[ZeroCopyCompletion]| c.iter().map(ZeroCopyCompletion::len).sum::<u64>();
    while covered(&completions) < u64::from(sends) {
        // POLLERR wakes a poll whatever it waits for.
        assert!(sock_tests::wait_readable(&client, TIMEOUT), "a completion within the timeout");
        let meta = client
            .recv_msg_addr(&mut [IoSliceMut::new(&mut [])], &mut control, MsgFlags::ERRQUEUE | MsgFlags::DONTWAIT, None)
            .unwrap();
        assert!(meta.flags.contains(MsgFlags::ERRQUEUE));
        completions
            .extend(CmsgIter::new(&control[..meta.control_len]).filter_map(|c| c.decode::<ZeroCopyCompletion>()));
    }
    assert_eq!(*completions[0].range.start(), 0);
    assert_eq!(*completions.last().unwrap().range.end(), sends - 1);
    assert!(completions.iter().all(|c| c.copied), "loopback: {completions:?}");
}

#[test]
fn refuses_what_cannot_zero_copy() {
    let unix = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    let e = ZeroCopySender::new(&unix).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    assert!(e.to_string().starts_with("zerocopy "), "{e}");
    // A non-blocking socket does not wait for a completion that has not come yet.
    let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
    tx.socket().set_blocking(false).unwrap();
    assert!(tx.is_complete(0));
    tx.wait_all().unwrap(); // nothing outstanding: no wait needed
}
