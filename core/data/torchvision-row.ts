// One row of the vision FLOPs table from torchvision's weights metadata, shared by core/data/vision-audio.ts and
// core/data/vision-more.ts: `_ops` (GMACs at the weights' input) and `num_params` as pytorch/vision publishes them in
// torchvision/models/*.py and in its documentation tables. FLOPs = 2 × MACs, the table's convention.

import type { ArchitectureInfo } from '../types';

/** Where torchvision's weights metadata lives. */
export const TV = 'pytorch/vision torchvision/models';

/**
 * [S] A vision row from torchvision's weights metadata: `gmacs` (`_ops`) and `params` (`num_params`) at a square input
 * of side `resolution`, from `file` under torchvision/models; `paper` and `year` the network's publication; `note` the
 * reference input when it is not a plain square RGB image (detection networks resize every image themselves).
 */
export function tv(
  id: string,
  name: string,
  family: ArchitectureInfo['family'],
  gmacs: number,
  params: number,
  resolution: number,
  file: string,
  aliases: string[],
  paper: string,
  year: number,
  note?: string,
): ArchitectureInfo {
  return {
    id,
    name,
    modality: 'vision',
    family,
    params,
    forwardFlops: 2 * gmacs * 1e9,
    reference: { resolution, note: note ?? `${resolution}×${resolution} RGB image` },
    aliases,
    source: `[S] ${TV}/${file} weights metadata (_ops ${gmacs} GMACs at ${resolution} px, num_params ${params.toLocaleString('en-US')}); ${paper}`,
    year,
  };
}
