//! The CAN broadcast manager against the real kernel: cyclic TX_SETUP counted by a raw
//! socket, counted transmissions with TX_EXPIRED, TX_READ/RX_READ status, RX_SETUP with
//! RX_CHANGED on content change only, RX_TIMEOUT when the sender stops, FD frames.
//! Timing windows are generous: the VM runs under TCG.
#![cfg(feature = "can")]

#[path = "can_support/mod.rs"]
mod support;

use std::io;
use std::time::{Duration, Instant};

use sock_can::consts::*;
use sock_can::{BcmFrames, BcmMsg, BcmOpcode, BcmSocket, CanId, CanSocket, ClassicFrame, FdFrame, Frame};
use support::{have_fd, have_iface, raw_for, IF, WAIT};

fn have_bcm() -> bool {
    have_iface(IF) && sock_tests::require("AF_CAN CAN_BCM sockets", BcmSocket::new())
}

fn bcm() -> BcmSocket {
    let s = BcmSocket::connected((IF,)).unwrap();
    s.as_ref().set_timeout(Some(WAIT)).unwrap();
    s
}

fn id(v: u32) -> CanId {
    CanId::new(v).unwrap()
}

/// Frames with `id` the raw socket reads within `window`.
fn count_for(raw: &CanSocket, window: Duration) -> usize {
    raw.as_ref().set_timeout(Some(Duration::from_millis(50))).unwrap();
    let end = Instant::now() + window;
    let mut n = 0;
    while Instant::now() < end {
        match raw.read_frame() {
            Ok(_) => n += 1,
            Err(e) if e.kind() == io::ErrorKind::TimedOut => {}
            Err(e) => panic!("{e}"),
        }
    }
    n
}

#[test]
fn cyclic_tx_setup_seen_by_raw_socket() {
    if !have_bcm() {
        return;
    }
    let raw = raw_for(IF, &[0x201]);
    let tx = bcm();
    let frame = ClassicFrame::new(id(0x201), &[1, 2, 3, 4]).unwrap();
    let setup = BcmMsg::new(BcmOpcode::TxSetup, id(0x201))
        .with_timers(0, Duration::ZERO, Duration::from_millis(20))
        .with_frames(frame);
    tx.send(&setup).unwrap();
    // 1 s at 20 ms is 50 frames; allow a slow emulated clock, forbid a flood.
    let n = count_for(&raw, Duration::from_secs(1));
    assert!((10..=60).contains(&n), "{n} frames in 1 s at 20 ms");

    // TX_READ answers with TX_STATUS carrying the frame.
    tx.send(&BcmMsg::new(BcmOpcode::TxRead, id(0x201))).unwrap();
    let status = tx.recv().unwrap();
    assert_eq!((status.opcode, status.id()), (BcmOpcode::TxStatus, id(0x201)));
    assert_eq!(status.ival2, Duration::from_millis(20));
    assert_eq!(status.frames, BcmFrames::Classic(vec![frame]));

    // TX_DELETE stops it.
    tx.send(&BcmMsg::new(BcmOpcode::TxDelete, id(0x201))).unwrap();
    let _ = count_for(&raw, Duration::from_millis(200));
    assert_eq!(count_for(&raw, Duration::from_millis(500)), 0);
    let e = tx.send(&BcmMsg::new(BcmOpcode::TxRead, id(0x201))).unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::EINVAL), "{e}");
}

#[test]
fn counted_tx_reports_tx_expired() {
    if !have_bcm() {
        return;
    }
    let raw = raw_for(IF, &[0x202]);
    let tx = bcm();
    let setup = BcmMsg::new(BcmOpcode::TxSetup, id(0x202))
        .with_timers(3, Duration::from_millis(10), Duration::ZERO)
        .with_flags(CAN_BCM_TX_COUNTEVT)
        .with_frames(ClassicFrame::new(id(0x202), &[7]).unwrap());
    tx.send(&setup).unwrap();
    let expired = tx.recv().unwrap();
    assert_eq!((expired.opcode, expired.id()), (BcmOpcode::TxExpired, id(0x202)));
    // Three counted frames. Debian's 6.12.117 kernel, under the VM's emulated CPU, now and then
    // sends one more (its BCM timer and TX_SETUP race on `count`; seen once in several CI runs,
    // never on 6.1): the kernel's doing, not ours, so one extra frame is tolerated there.
    let sent = count_for(&raw, Duration::from_millis(500));
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let most = if release.starts_with("6.12.") { 4 } else { 3 };
    assert!((3..=most).contains(&sent), "{sent} frames for a count of 3 on {}", release.trim());
}

#[test]
fn rx_changed_only_on_content_change() {
    if !have_bcm() {
        return;
    }
    let rx = bcm();
    // Watch all 8 data bytes of 0x203.
    let mask = ClassicFrame::new(id(0x203), &[0xff; 8]).unwrap();
    rx.send(&BcmMsg::new(BcmOpcode::RxSetup, id(0x203)).with_frames(mask)).unwrap();
    let tx = CanSocket::bound((IF,)).unwrap();
    let a = ClassicFrame::new(id(0x203), &[1; 8]).unwrap();
    let b = ClassicFrame::new(id(0x203), &[2; 8]).unwrap();
    for f in [a, a, a, b, b, a] {
        tx.write_classic(&f).unwrap();
    }
    for want in [a, b, a] {
        let msg = rx.recv().unwrap();
        assert_eq!(msg.opcode, BcmOpcode::RxChanged);
        assert_eq!(msg.frames, BcmFrames::Classic(vec![want]));
    }
    rx.as_ref().set_timeout(Some(Duration::from_millis(500))).unwrap();
    assert_eq!(rx.recv().unwrap_err().kind(), io::ErrorKind::TimedOut);

    // RX_READ answers with RX_STATUS; RX_DELETE removes the subscription.
    rx.send(&BcmMsg::new(BcmOpcode::RxRead, id(0x203))).unwrap();
    assert_eq!(rx.recv().unwrap().opcode, BcmOpcode::RxStatus);
    rx.send(&BcmMsg::new(BcmOpcode::RxDelete, id(0x203))).unwrap();
    tx.write_classic(&b).unwrap();
    assert_eq!(rx.recv().unwrap_err().kind(), io::ErrorKind::TimedOut);
}

#[test]
fn rx_timeout_when_sender_stops() {
    if !have_bcm() {
        return;
    }
    let rx = bcm();
    rx.send(&BcmMsg::new(BcmOpcode::RxSetup, id(0x204)).with_flags(CAN_BCM_RX_FILTER_ID).with_timers(
        0,
        Duration::from_millis(300),
        Duration::ZERO,
    ))
    .unwrap();
    let tx = bcm();
    tx.send(
        &BcmMsg::new(BcmOpcode::TxSetup, id(0x204))
            .with_timers(0, Duration::ZERO, Duration::from_millis(20))
            .with_frames(ClassicFrame::new(id(0x204), &[5]).unwrap()),
    )
    .unwrap();
    // Frames flow: RX_CHANGED first, and no timeout while they do.
    assert_eq!(rx.recv().unwrap().opcode, BcmOpcode::RxChanged);
    // The sleep is the thing under test: frames flow for 200 ms, less than the 300 ms RX
    // timeout, and the loop below checks that no RX_TIMEOUT came in that time.
    std::thread::sleep(Duration::from_millis(200));
    tx.send(&BcmMsg::new(BcmOpcode::TxDelete, id(0x204))).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let msg = rx.recv().unwrap();
        if msg.opcode == BcmOpcode::RxTimeout {
            assert_eq!(msg.id(), id(0x204));
            break;
        }
        assert_eq!(msg.opcode, BcmOpcode::RxChanged);
        assert!(Instant::now() < deadline, "no RX_TIMEOUT");
    }
}

#[test]
fn fd_frames_through_the_bcm() {
    if !have_bcm() || !have_fd(IF) {
        return;
    }
    let raw = raw_for(IF, &[0x205]);
    raw.set_fd_frames(true).unwrap();
    let tx = bcm();
    let f = FdFrame::new(id(0x205), &[0xab; 48]).unwrap().with_brs(true);
    let msg = BcmMsg::new(BcmOpcode::TxSend, id(0x205)).with_frames(f);
    assert_eq!(tx.send(&msg).unwrap(), sock_can::BCM_HEAD_SIZE + CANFD_MTU);
    let Frame::Fd(got) = raw.read_frame().unwrap() else { panic!("not FD") };
    assert_eq!((got.data(), got.brs()), (f.data(), true));
}
