//! `send_many`/`recv_many` over sendmmsg/recvmmsg: UDP with per-message addresses, UNIX
//! datagrams with per-message ancillary data, truncation, timeouts, buffer reuse.

use std::io;
use std::net::Ipv4Addr;
use std::time::Duration;

use sock::cmsg::CmsgIter;
use sock::consts::*;
use sock::core::{OutMsg, RecvBatch, SendBatch};
use sock::{Family, Socket, Type};

fn udp() -> Socket {
    let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    s.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    s
}

#[test]
fn udp_batches_with_per_message_addresses() {
    let (tx, rx1, rx2) = (udp(), udp(), udp());
    let (a1, a2) = (rx1.local_addr().unwrap(), rx2.local_addr().unwrap());
    let payloads: Vec<Vec<u8>> = (0..40u8).map(|i| vec![i; 10 + i as usize]).collect();
    let msgs: Vec<OutMsg<'_>> =
        payloads.iter().enumerate().map(|(i, p)| OutMsg::to(p, if i % 2 == 0 { &a1 } else { &a2 })).collect();
    let mut out = SendBatch::with_capacity(64);
    let mut sent = 0;
    while sent < msgs.len() {
        sent += tx.send_many(&msgs[sent..], &mut out, 0).unwrap();
    }
    assert_eq!(out.sent_len(0).map(|_| ()), Some(()));

    rx1.set_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut batch = RecvBatch::new(32, 128).unwrap();
    let mut got = Vec::new();
    while got.len() < 20 {
        rx1.recv_many(&mut batch, 0).unwrap();
        for m in batch.iter() {
            assert_eq!(*m.addr, tx.local_addr().unwrap());
            got.push(m.data.to_vec());
        }
    }
    let expected: Vec<Vec<u8>> = payloads.iter().step_by(2).cloned().collect();
    assert_eq!(got, expected);
    // The batch is reused without reallocation and the second receiver gets the odd ones.
    let mut n = 0;
    while n < 20 {
        n += rx2.recv_many(&mut batch, 0).unwrap();
    }
    assert_eq!(n, 20);
}

#[test]
fn truncation_and_empty_batches() {
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    a.send(&[1u8; 100]).unwrap();
    let mut batch = RecvBatch::new(4, 16).unwrap();
    assert_eq!(b.recv_many(&mut batch, 0).unwrap(), 1);
    let m = batch.get(0).unwrap();
    assert_eq!(m.data, &[1u8; 16]);
    assert_ne!(m.flags.bits() & MSG_TRUNC, 0);
    assert!(batch.get(1).is_none());
    let mut none = RecvBatch::new(0, 16).unwrap();
    assert_eq!(b.recv_many(&mut none, 0).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(a.send_many::<OutMsg<'_>>(&[], &mut SendBatch::new(), 0).unwrap(), 0);
}

#[test]
fn recv_many_honours_modes() {
    let (_a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    let mut batch = RecvBatch::new(8, 64).unwrap();
    b.set_timeout(Some(Duration::from_millis(100))).unwrap();
    assert_eq!(b.recv_many(&mut batch, 0).unwrap_err().kind(), io::ErrorKind::TimedOut);
    b.set_blocking(false).unwrap();
    assert_eq!(b.recv_many(&mut batch, 0).unwrap_err().kind(), io::ErrorKind::WouldBlock);
    assert!(batch.is_empty());
}

#[test]
fn per_message_ancillary_data() {
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    b.set_flag(SOL_SOCKET, SO_PASSCRED, true).unwrap();
    let msgs = [OutMsg::new(b"x"), OutMsg::new(b"yy"), OutMsg::new(b"zzz")];
    assert_eq!(a.send_many(&msgs, &mut SendBatch::new(), 0).unwrap(), 3);
    let mut batch =
        RecvBatch::with_control(8, 16, sock::cmsg_space(std::mem::size_of::<libc::ucred>()).unwrap()).unwrap();
    assert_eq!(b.recv_many(&mut batch, 0).unwrap(), 3);
    for (m, want) in batch.iter().zip([&b"x"[..], b"yy", b"zzz"]) {
        assert_eq!(m.data, want);
        let creds: Vec<libc::ucred> = CmsgIter::new(m.control)
            .filter(|c| c.level == SOL_SOCKET && c.ty == SCM_CREDENTIALS)
            .map(|c| c.value::<libc::ucred>().unwrap())
            .collect();
        assert_eq!(creds.len(), 1);
        assert_eq!(creds[0].pid, std::process::id() as i32);
    }
}

#[test]
fn send_many_takes_plain_buffers() {
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    let frames: [[u8; 3]; 2] = [*b"abc", *b"def"];
    assert_eq!(a.send_many(&frames, &mut SendBatch::new(), 0).unwrap(), 2);
    let mut batch = RecvBatch::new(4, 8).unwrap();
    assert_eq!(b.recv_many(&mut batch, 0).unwrap(), 2);
    assert_eq!(batch.get(1).unwrap().data, b"def");
}
