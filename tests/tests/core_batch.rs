//! `send_many`/`recv_many` over sendmmsg/recvmmsg: UDP with per-message addresses, UNIX
//! datagrams with per-message ancillary data, truncation, timeouts, buffer reuse.

use std::io;
use std::net::Ipv4Addr;
use std::time::Duration;

use sock::cmsg::CmsgIter;
use sock::consts::*;
use sock::core::{OutMsg, RecvBatch, SendBatch};
use sock::{Family, MsgFlags, Socket, Type};

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

/// The batches keep their headers between calls and reset only what the kernel changed: a
/// short address or a short control payload in one call must not shorten the next call's, a
/// failed call must not leave stale lengths, and moving a batch or growing a `SendBatch` must
/// not leave a header pointing at a stale buffer. Run without and with control buffers (the
/// two keep different reset paths).
#[test]
fn reused_batches_reset_what_the_kernel_changed() {
    for with_control in [false, true] {
        reuse_rounds(with_control);
    }
}

fn reuse_rounds(with_control: bool) {
    use sock::cmsg::CmsgWriter;
    use sock::unix::UnixAddr;
    use sock::FamilyAddr;
    use std::os::fd::AsRawFd;
    let dir = std::env::temp_dir().join(format!("sock-batch-reuse-{}-{with_control}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let rx = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    rx.bind(UnixAddr::pathname(dir.join("rx")).unwrap()).unwrap();
    let to = rx.local_addr().unwrap();
    let short = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    short.bind(UnixAddr::pathname(dir.join("s")).unwrap()).unwrap();
    let long = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    long.bind(UnixAddr::pathname(dir.join("a-much-longer-sender-name")).unwrap()).unwrap();

    // Odd rounds carry three fds, even rounds one: the even rounds' shorter control payload
    // must not shorten the next round's room.
    let fd = std::io::stdin().as_raw_fd();
    let (mut one, mut two) = ([0u8; 64], [0u8; 64]);
    let mut w = CmsgWriter::new(&mut one);
    w.push_value(SOL_SOCKET, SCM_RIGHTS, &fd).unwrap();
    let one_len = w.len();
    let mut w = CmsgWriter::new(&mut two);
    w.push_value(SOL_SOCKET, SCM_RIGHTS, &[fd, fd, fd]).unwrap();
    let two_len = w.len();
    let control_size = if with_control { sock::cmsg_space(3 * std::mem::size_of::<i32>()).unwrap() } else { 0 };
    let mut batch = RecvBatch::with_control(4, 16, control_size).unwrap();
    // A failed call (nothing queued) first: it must not leave the headers unusable.
    let err = rx.recv_many(&mut batch, MsgFlags::DONTWAIT).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::WouldBlock);

    let mut out = SendBatch::new();
    for round in 0..4 {
        let odd = round % 2 == 1;
        let (from, name) = if odd { (&long, "a-much-longer-sender-name") } else { (&short, "s") };
        let control = match (with_control, odd) {
            (false, _) => &[][..],
            (true, false) => &one[..one_len],
            (true, true) => &two[..two_len],
        };
        // Growing the SendBatch on the second round moves its iovecs.
        let count = if round == 0 { 1 } else { 3 };
        let payloads: Vec<Vec<u8>> = (0..count).map(|i| vec![round as u8 * 10 + i as u8; 5]).collect();
        let msgs: Vec<OutMsg> = payloads.iter().map(|p| OutMsg { data: p, addr: Some(&to), control }).collect();
        assert_eq!(from.send_many(&msgs, &mut out, 0).unwrap(), count);
        // Move the batch between calls: its headers point into heap buffers that stay put.
        let moved = Box::new(batch);
        batch = *moved;
        assert_eq!(rx.recv_many(&mut batch, 0).unwrap(), count, "round {round}");
        for (i, payload) in payloads.iter().enumerate() {
            let m = batch.get(i).unwrap();
            assert_eq!(m.data, &payload[..], "round {round} message {i}");
            let got = UnixAddr::decode(m.addr).unwrap();
            assert_eq!(got.as_pathname(), Some(dir.join(name).as_path()), "round {round} message {i}");
            assert!(!m.flags.contains(MsgFlags::CTRUNC), "round {round} message {i}: control cut");
            let want_fds = if with_control { 1 + 2 * usize::from(odd) } else { 0 };
            assert_eq!(batch.fds(i).count(), want_fds, "round {round} message {i}");
        }
    }
    // A failed call after a successful one leaves nothing to read.
    let err = rx.recv_many(&mut batch, MsgFlags::DONTWAIT).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
    assert!(batch.is_empty() && batch.get(0).is_none() && batch.fds(0).count() == 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A `SendBatch` shared by messages with ancillary data and plain byte buffers: a byte-buffer
/// send rewrites only the data pointers while the headers carry no control buffer, so one that
/// follows a send with control data must clear it first (else its messages would carry the
/// earlier call's fds).
#[test]
fn byte_buffers_after_control_messages_carry_no_control() {
    use sock::cmsg::CmsgWriter;
    use std::os::fd::AsRawFd;
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    let fd = std::io::stdin().as_raw_fd();
    let mut control = [0u8; 64];
    let mut w = CmsgWriter::new(&mut control);
    w.push_value(SOL_SOCKET, SCM_RIGHTS, &fd).unwrap();
    let len = w.len();
    let with_fd = OutMsg { data: b"fd", addr: None, control: &control[..len] };
    let mut out = SendBatch::new();
    let mut batch = RecvBatch::with_control(8, 16, 64).unwrap();
    // (messages with an fd, plain messages) per round.
    for (round, (fds, plain)) in [(3, 0), (0, 2), (0, 3), (0, 1), (1, 0), (0, 1)].into_iter().enumerate() {
        let sent = if fds > 0 {
            a.send_many(&vec![with_fd; fds], &mut out, 0).unwrap()
        } else {
            a.send_many(&vec![&b"plain"[..]; plain], &mut out, 0).unwrap()
        };
        assert_eq!(sent, fds + plain, "round {round}");
        assert_eq!(b.recv_many(&mut batch, 0).unwrap(), sent, "round {round}");
        for i in 0..sent {
            let want: (&[u8], usize) = if fds > 0 { (b"fd", 1) } else { (b"plain", 0) };
            assert_eq!((batch.get(i).unwrap().data, batch.fds(i).count()), want, "round {round} message {i}");
        }
    }
}
