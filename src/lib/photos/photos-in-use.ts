import { handover } from '../handover.ts';
import type { Photo } from './photo-ladder.ts';

/** The photos the content of the last sync shows, handed from the loader to the photos integration. */
export const photosInUse = handover<Photo[]>('photos', 'The photos integration found no photos: the article loader did not run before the build');
