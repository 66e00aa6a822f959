import { handover } from '../handover.ts';
import type { Photo } from './photo-ladder.ts';

/** The photos the content of the last sync shows, handed from the loaders to the photos integration. */
export const photosInUse = handover<Photo>('photos', 'The photos integration found no photos: the content loaders did not run before the build');
