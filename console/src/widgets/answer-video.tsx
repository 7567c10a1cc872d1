import type { SyntheticEvent } from 'react';

/**
 * An answer video. WebM from MediaRecorder (the simulator, some Android clients) carries no duration, so the
 * player would show no timeline: seeking past the end once makes the browser find it, then back to 0.
 */
export function AnswerVideo(props: { src: string; questionIndex: number }) {
  function findDuration(event: SyntheticEvent<HTMLVideoElement>) {
    const video = event.currentTarget;
    if (Number.isFinite(video.duration)) return;
    const rewind = () => {
      video.removeEventListener('durationchange', rewind);
      video.currentTime = 0;
    };
    video.addEventListener('durationchange', rewind);
    video.currentTime = Number.MAX_SAFE_INTEGER;
  }
  return (
    <video
      className="recorded-video"
      src={props.src}
      controls
      preload="metadata"
      data-question={props.questionIndex}
      onLoadedMetadata={findDuration}
    />
  );
}
